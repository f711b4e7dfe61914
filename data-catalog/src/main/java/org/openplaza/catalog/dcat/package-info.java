/** The catalogue as DCAT-AP 3.0 RDF, built with Apache Jena. Internal to data-catalog. */
@NullMarked
package org.openplaza.catalog.dcat;

import org.jspecify.annotations.NullMarked;
