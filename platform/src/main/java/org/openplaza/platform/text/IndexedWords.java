package org.openplaza.platform.text;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.openplaza.platform.Change;
import org.openplaza.platform.Changed;
import org.openplaza.platform.ClusterChanges;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * The words of the things one module owns (proposals, votes, charts), in a {@link WordIndex}
 * filled at start and kept current by a change topic of the module's: whoever changes a thing's
 * words announces {@link #changed(long)} in the same transaction, and every node of the cluster
 * re-reads that thing once it has committed. The index finds ids in order of relevance; the
 * module's database still decides what each reader may see.
 *
 * @param <T> what the module reads of one thing
 */
public abstract class IndexedWords<T> {

    private final String topic;
    private final ClusterChanges changes;
    private final WordIndex index;

    protected IndexedWords(String topic, Map<String, Float> weights, ClusterChanges changes) {
        this.topic = topic;
        this.changes = changes;
        this.index = new WordIndex(SearchWords.standard(), weights);
    }

    /** The things' words: of all of them when {@code id} is null, else of that one if it exists. */
    protected abstract List<T> read(@org.jspecify.annotations.Nullable Long id);

    protected abstract long id(T thing);

    /** A thing's text by field, the fields given to the constructor. */
    protected abstract Map<String, String> text(T thing);

    /** The change that makes every node read this thing's words again. */
    public Change changed(long id) {
        return new Change(topic, Long.toString(id));
    }

    @EventListener(ApplicationReadyEvent.class)
    public synchronized void rebuild() {
        index.clear();
        Map<String, Map<String, String>> all = new java.util.HashMap<>();
        read(null).forEach(thing -> all.put(Long.toString(id(thing)), text(thing)));
        index.putAll(all);
    }

    @EventListener
    public void onChanged(Changed changed) {
        if (topic.equals(changed.topic())) {
            reread(Long.parseLong(changed.subject()));
        }
    }

    /** Reads one thing's words again, or forgets it when it is gone. */
    protected void reread(long id) {
        List<T> found = read(id);
        if (found.isEmpty()) {
            index.remove(Long.toString(id));
        } else {
            found.forEach(this::put);
        }
    }

    protected void put(T thing) {
        index.put(Long.toString(id(thing)), text(thing));
    }

    /**
     * The ids these words find, the most relevant first, at most {@code limit}; too many words are
     * refused with an {@code IllegalArgumentException}.
     */
    public List<Long> find(String words, int limit) {
        changes.catchUpIfStale();
        return index.find(words, limit).stream().map(Long::valueOf).toList();
    }

    /**
     * A page of what a search shows in the order of relevance: of the {@code ranked} ids, those
     * the database {@code shown} (its filters and what the reader may see), from {@code offset}.
     */
    public static List<Long> page(List<Long> ranked, Set<Long> shown, int offset, int limit) {
        return ranked.stream().filter(shown::contains).skip(offset).limit(limit).toList();
    }

    /** The things of a page, as the database returned them in any order, put in the page's order. */
    public static <S> List<S> inOrder(List<Long> page, List<S> fetched, Function<S, Long> id) {
        Map<Long, S> byId = new java.util.HashMap<>();
        fetched.forEach(thing -> byId.put(id.apply(thing), thing));
        return page.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }
}
