/** Visualisations embedded in other sites' pages: the only URLs that may be framed. */
@NullMarked
package org.openplaza.portal.embed;

import org.jspecify.annotations.NullMarked;
