@NullMarked
package org.openplaza.portal.publish;

import org.jspecify.annotations.NullMarked;
