@NullMarked
package org.openplaza.portal.errors;

import org.jspecify.annotations.NullMarked;
