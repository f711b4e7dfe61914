/**
 * Proposals from the government and from citizens: their text (Markdown, sanitised), lifecycle,
 * supports, evidence from the open data, discussion, moderation, follows and notifications.
 */
@NullMarked
package org.openplaza.proposals;

import org.jspecify.annotations.NullMarked;
