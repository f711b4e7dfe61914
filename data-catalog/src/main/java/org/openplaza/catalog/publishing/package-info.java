/** Datasets, their versions and metadata in the database, and the rows pushed to live versions. Internal to data-catalog. */
@NullMarked
package org.openplaza.catalog.publishing;

import org.jspecify.annotations.NullMarked;
