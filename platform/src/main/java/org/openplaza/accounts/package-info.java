/**
 * Accounts: registration, roles, passwords and their rules, API tokens, and signing in (throttled
 * guessing, the proof of work, second factors, trusted devices). The public classes of this package
 * are what the portal and the other modules use; everything else here is package-private.
 */
@NullMarked
package org.openplaza.accounts;

import org.jspecify.annotations.NullMarked;
