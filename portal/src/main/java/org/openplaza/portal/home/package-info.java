@NullMarked
package org.openplaza.portal.home;

import org.jspecify.annotations.NullMarked;
