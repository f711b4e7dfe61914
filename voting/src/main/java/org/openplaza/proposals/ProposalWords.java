package org.openplaza.proposals;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openplaza.platform.ClusterChanges;
import org.openplaza.platform.text.IndexedWords;
import org.springframework.stereotype.Component;

/**
 * The words of every proposal that has been published, for the proposals' search: titles weigh
 * most, then summaries and tags, then the body; English words are stemmed and widened by their
 * prefix, Korean and Chinese read as bigrams, synonyms found in either language. Hidden proposals
 * stay in the index: the database never lists them. Publishing and editing announce the change.
 */
@Component
class ProposalWords extends IndexedWords<ProposalRepository.Text> {

    /** The most matches a search ranks; more general searches should add words or filters. */
    static final int MOST = 2_000;

    private final ProposalRepository repository;

    ProposalWords(ProposalRepository repository, ClusterChanges changes) {
        super("proposal-text", Map.of("title", 4f, "summary", 2f, "tags", 2f, "body", 1f), changes);
        this.repository = repository;
    }

    @Override
    protected List<ProposalRepository.Text> read(@Nullable Long id) {
        return repository.texts(id);
    }

    @Override
    protected long id(ProposalRepository.Text text) {
        return text.id();
    }

    @Override
    protected Map<String, String> text(ProposalRepository.Text text) {
        return Map.of(
                "title", text.title(),
                "summary", text.summary(),
                "tags", String.join(" ; ", text.tags()),
                "body", text.body());
    }

    /** The ids of the proposals these words find, the most relevant first. */
    List<Long> find(String words) {
        return find(words, MOST);
    }
}
