/** Reading CSV files: encoding, dialect, layout and type detection, and loading rows into the store. Internal to data-catalog. */
@NullMarked
package org.openplaza.catalog.importer;

import org.jspecify.annotations.NullMarked;
