/** Dashboards' storage: the dashboards and their tiles in order. */
@NullMarked
package org.openplaza.catalog.dashboards;

import org.jspecify.annotations.NullMarked;
