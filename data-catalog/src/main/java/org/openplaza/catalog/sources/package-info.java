/**
 * Files fetched from other servers for the catalogue: a resource given by its address, and (with
 * schedules) sources that refresh a dataset. Every connection goes only to an address checked
 * against the portal's rules, so that a URL an API client gives cannot reach the portal's own
 * network.
 */
@NullMarked
package org.openplaza.catalog.sources;

import org.jspecify.annotations.NullMarked;
