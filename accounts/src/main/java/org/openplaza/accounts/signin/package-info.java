@NullMarked
package org.openplaza.accounts.signin;

import org.jspecify.annotations.NullMarked;
