@NullMarked
package org.openplaza.portal.votes;

import org.jspecify.annotations.NullMarked;
