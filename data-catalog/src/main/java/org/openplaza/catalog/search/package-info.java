/**
 * Full-text search of the catalogue with Apache Lucene: an in-memory index of the published
 * datasets, rebuilt from the database at start and kept in step with publishing.
 */
@NullMarked
package org.openplaza.catalog.search;

import org.jspecify.annotations.NullMarked;
