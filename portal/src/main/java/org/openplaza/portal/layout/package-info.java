@NullMarked
package org.openplaza.portal.layout;

import org.jspecify.annotations.NullMarked;
