package org.openplaza.voting;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openplaza.platform.ClusterChanges;
import org.openplaza.platform.text.IndexedWords;
import org.springframework.stereotype.Component;

/**
 * The words of every vote, for the portal's search: its question, then its options' labels. A
 * vote's text does not change once it is opened, so opening is the only change announced.
 */
@Component
class VoteWords extends IndexedWords<VoteQuery.Text> {

    private final VoteQuery query;

    VoteWords(VoteQuery query, ClusterChanges changes) {
        super("vote-text", Map.of("question", 3f, "options", 1f), changes);
        this.query = query;
    }

    @Override
    protected List<VoteQuery.Text> read(@Nullable Long id) {
        return query.texts(id);
    }

    @Override
    protected long id(VoteQuery.Text text) {
        return text.id();
    }

    @Override
    protected Map<String, String> text(VoteQuery.Text text) {
        return Map.of("question", text.question(), "options", String.join(" ; ", text.options()));
    }
}
