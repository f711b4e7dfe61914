/** Chart options (ECharts JSON) built from the dataset store's figures; no Vaadin here. */
@NullMarked
package org.openplaza.charts;

import org.jspecify.annotations.NullMarked;
