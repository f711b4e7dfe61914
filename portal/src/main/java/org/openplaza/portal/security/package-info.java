@NullMarked
package org.openplaza.portal.security;

import org.jspecify.annotations.NullMarked;
