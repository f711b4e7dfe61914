@NullMarked
package org.openplaza.portal.account;

import org.jspecify.annotations.NullMarked;
