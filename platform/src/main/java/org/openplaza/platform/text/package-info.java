@NullMarked
package org.openplaza.platform.text;

import org.jspecify.annotations.NullMarked;
