/**
 * Dashboards: the list, a dashboard's page with its owner's tools, its tiles drawn for each reader
 * and redrawn by server push when the data they show changes, and the city at a glance on the home
 * page.
 */
@NullMarked
package org.openplaza.portal.dashboards;

import org.jspecify.annotations.NullMarked;
