@NullMarked
package org.openplaza.accounts;

import org.jspecify.annotations.NullMarked;
