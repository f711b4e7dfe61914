@NullMarked
package org.openplaza.publishing;

import org.jspecify.annotations.NullMarked;
