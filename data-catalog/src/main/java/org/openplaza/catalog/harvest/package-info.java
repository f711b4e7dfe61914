/**
 * Harvesting other portals' catalogues: reading a CKAN Action API's packages or a DCAT-AP
 * document's datasets as {@link org.openplaza.catalog.harvest.HarvestedRecord}s in this portal's
 * vocabulary, and keeping what was mirrored (provenance, runs and their problems).
 */
@NullMarked
package org.openplaza.catalog.harvest;

import org.jspecify.annotations.NullMarked;
