/**
 * Counting ballots: plain counts (yes/no/abstain, single choice, approval), ranked choice by
 * instant runoff and by the Schulze method, and participatory budgets funded greedily by votes.
 * Pure functions over ballots, so anyone can recount from the published ballots with the same
 * code.
 */
@NullMarked
package org.openplaza.voting.count;

import org.jspecify.annotations.NullMarked;
