@NullMarked
package org.openplaza.portal.admin;

import org.jspecify.annotations.NullMarked;
