@NullMarked
package org.openplaza.portal.proposals;

import org.jspecify.annotations.NullMarked;
