@NullMarked
package org.openplaza.portal.catalog;

import org.jspecify.annotations.NullMarked;
