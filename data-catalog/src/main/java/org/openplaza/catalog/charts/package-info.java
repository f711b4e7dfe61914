/** Chart options (ECharts JSON) built from the dataset store's figures; no Vaadin here. Internal to data-catalog. */
@NullMarked
package org.openplaza.catalog.charts;

import org.jspecify.annotations.NullMarked;
