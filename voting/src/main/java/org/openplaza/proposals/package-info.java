/**
 * Proposals from the government and from citizens: their text (Markdown, sanitised), lifecycle,
 * supports, evidence from the open data, discussion, moderation, follows and notifications.
 *
 * <p>The public classes of this package are the module's face for proposals; everything else here
 * is package-private.
 */
@NullMarked
package org.openplaza.proposals;

import org.jspecify.annotations.NullMarked;
