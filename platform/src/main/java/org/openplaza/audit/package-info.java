@NullMarked
package org.openplaza.audit;

import org.jspecify.annotations.NullMarked;
