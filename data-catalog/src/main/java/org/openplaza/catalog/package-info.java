/**
 * The data catalogue's public face: the services the portal calls (publishing, reading, charting,
 * searching, the DCAT catalogue), the records they take and return, and their exceptions. Every
 * sub-package is internal to the data-catalog module; {@code ArchitectureTest} in the portal keeps
 * other modules to this package.
 */
@NullMarked
package org.openplaza.catalog;

import org.jspecify.annotations.NullMarked;
