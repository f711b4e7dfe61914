package org.openplaza.platform;

/**
 * A change a module announces, published in the transaction that makes it: {@code topic} names
 * what kind of thing changed (a constant of the module that owns it), {@code subject} which one.
 * Once the transaction commits, every node of the cluster hears of it as {@link Changed}.
 */
public record Change(String topic, String subject) {

    public Change {
        if (topic.isEmpty() || topic.length() > 32 || subject.length() > 128) {
            throw new IllegalArgumentException("a change's topic is 1 to 32 characters, its subject at most 128");
        }
    }
}
