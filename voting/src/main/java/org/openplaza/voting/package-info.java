/**
 * Votes: their rules, secret ballots sealed into a hash chain with receipts, checkpoints that
 * anyone can verify, and counts. The counting rules (yes/no/abstain, single choice, approval,
 * ranked choice by instant runoff and by the Schulze method, participatory budgets funded greedily
 * by votes) are pure functions over ballots ({@link Schulze}, {@link InstantRunoff}, {@link
 * Budget}), so anyone can recount from the published ballots with the same code.
 *
 * <p>The public classes of this package are the module's face for votes; everything else here is
 * package-private.
 */
@NullMarked
package org.openplaza.voting;

import org.jspecify.annotations.NullMarked;
