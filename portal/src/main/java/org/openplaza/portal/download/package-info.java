@NullMarked
package org.openplaza.portal.download;

import org.jspecify.annotations.NullMarked;
