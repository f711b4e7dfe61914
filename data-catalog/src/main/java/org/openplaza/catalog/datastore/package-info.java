/** The dataset store (DuckDB): each version's rows in a table of its own, read through validated names only. Internal to data-catalog. */
@NullMarked
package org.openplaza.catalog.datastore;

import org.jspecify.annotations.NullMarked;
