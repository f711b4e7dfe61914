@NullMarked
package org.openplaza.portal.config;

import org.jspecify.annotations.NullMarked;
