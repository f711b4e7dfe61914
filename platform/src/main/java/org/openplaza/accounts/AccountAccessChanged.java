package org.openplaza.accounts;

/**
 * Published when an account's roles or enabled state change, so the web layer can end that user's
 * open sessions and the change takes effect at once.
 */
public record AccountAccessChanged(String username) {}
