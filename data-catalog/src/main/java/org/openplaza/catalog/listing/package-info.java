/** The catalogue's list of published datasets, read for its pages. Internal to data-catalog. */
@NullMarked
package org.openplaza.catalog.listing;

import org.jspecify.annotations.NullMarked;
