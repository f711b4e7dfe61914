/** The catalogue as DCAT-AP 3.0 RDF, built with Apache Jena. */
@NullMarked
package org.openplaza.dcat;

import org.jspecify.annotations.NullMarked;
