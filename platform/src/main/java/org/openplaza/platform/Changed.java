package org.openplaza.platform;

/**
 * A {@link Change} that has committed, as every node hears of it: at once on the node that made
 * it ({@code here}), and on the others when they next read the cluster's changes ({@link
 * ClusterChanges}). Listeners must be idempotent.
 */
public record Changed(String topic, String subject, boolean here) {}
