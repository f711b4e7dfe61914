/** Saved charts: their definitions, likes and reports in the database. Internal to data-catalog. */
@NullMarked
package org.openplaza.catalog.visualisations;

import org.jspecify.annotations.NullMarked;
