@NullMarked
package org.openplaza.platform;

import org.jspecify.annotations.NullMarked;
