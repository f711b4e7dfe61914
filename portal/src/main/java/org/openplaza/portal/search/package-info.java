@NullMarked
package org.openplaza.portal.search;

import org.jspecify.annotations.NullMarked;
