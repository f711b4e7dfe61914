@NullMarked
package org.openplaza.portal.api;

import org.jspecify.annotations.NullMarked;
