package org.openplaza.catalog.visualisations;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openplaza.catalog.publishing.DatasetChanges;
import org.openplaza.platform.Changed;
import org.openplaza.platform.ClusterChanges;
import org.openplaza.platform.text.IndexedWords;
import org.springframework.stereotype.Component;

/**
 * The words of every saved visualisation for the gallery's search: its title, then its
 * description and its dataset's title. Hidden charts and charts of withdrawn datasets stay in the
 * index: the database never shows them. Saving, describing and deleting announce the change, and
 * a dataset's own changes make its charts read again (its title is theirs too).
 */
@Component
public class VisualisationWords extends IndexedWords<VisualisationRepository.Text> {

    static final int MOST = 2_000;

    private final VisualisationRepository repository;

    VisualisationWords(VisualisationRepository repository, ClusterChanges changes) {
        super("chart-text", Map.of("title", 4f, "description", 1.5f, "dataset", 1f), changes);
        this.repository = repository;
    }

    @Override
    protected List<VisualisationRepository.Text> read(@Nullable Long id) {
        return repository.texts(id, null);
    }

    @Override
    protected long id(VisualisationRepository.Text text) {
        return text.id();
    }

    @Override
    protected Map<String, String> text(VisualisationRepository.Text text) {
        return Map.of("title", text.title(), "description", text.description(), "dataset", text.dataset());
    }

    @Override
    public void onChanged(Changed changed) {
        super.onChanged(changed);
        long dataset = DatasetChanges.datasetOf(changed);
        // pushed rows change no visualisation's words
        if (dataset >= 0 && !DatasetChanges.rowsOnly(changed)) {
            repository.texts(null, dataset).forEach(this::put);
        }
    }

    /** The ids of the visualisations these words find, the most relevant first. */
    public List<Long> find(String words) {
        return find(words, MOST);
    }
}
