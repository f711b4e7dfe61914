@NullMarked
package org.openplaza.catalog;

import org.jspecify.annotations.NullMarked;
