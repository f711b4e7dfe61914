@NullMarked
package org.openplaza.portal.i18n;

import org.jspecify.annotations.NullMarked;
