@NullMarked
package org.openplaza;

import org.jspecify.annotations.NullMarked;
