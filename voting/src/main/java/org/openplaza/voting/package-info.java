@NullMarked
package org.openplaza.voting;

import org.jspecify.annotations.NullMarked;
