package org.openplaza.portal.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openplaza.catalog.CatalogException;
import org.openplaza.catalog.DatasetMetadata;
import org.openplaza.catalog.Organisation;

/** The metadata form's translations, without a browser: one language at a time, none lost. */
@org.junit.jupiter.api.extension.ExtendWith(org.openplaza.portal.MockUi.class)
class MetadataFormTest {

    final List<Organisation> organisations = List.of(new Organisation(7, "seoul", "Seoul"));

    private static DatasetMetadata metadata(Map<String, DatasetMetadata.Translation> translations) {
        return new DatasetMetadata(
                7,
                "Bicycle counts",
                "Bicycles counted each hour.",
                null,
                null,
                Set.of("TRAN"),
                List.of("cycling"),
                "CC-BY-4.0",
                "DAILY",
                null,
                null,
                null,
                "en",
                translations);
    }

    @Test
    void an_official_of_several_organisations_chooses_the_publisher_and_is_told_to() {
        MetadataForm one = new MetadataForm(organisations);
        assertThat(one.organisation.getValue()).as("the only one is chosen").isEqualTo(organisations.get(0));

        List<Organisation> several =
                List.of(new Organisation(7, "seoul", "Seoul"), new Organisation(8, "busan", "Busan"));
        MetadataForm form = new MetadataForm(several);
        assertThat(form.organisation.getValue()).as("none is chosen for them").isNull();
        form.title.setValue("Bicycle counts");
        form.description.setValue("Bicycles counted each hour.");
        org.assertj.core.api.Assertions.assertThatThrownBy(form::value)
                .isInstanceOfSatisfying(org.openplaza.catalog.CatalogException.class, e -> {
                    assertThat(form.showError(e)).isTrue();
                    assertThat(form.organisation.isInvalid()).isTrue();
                    assertThat(form.organisation.getErrorMessage()).startsWith("Choose which of your organisations");
                });
        form.organisation.setValue(several.get(1));
        form.clearErrors();
        assertThat(form.value().organisationId()).isEqualTo(8);
        assertThat(form.organisation.isInvalid()).isFalse();
    }

    @Test
    void a_new_dataset_offers_the_other_language_and_an_empty_title_is_no_translation() {
        MetadataForm form = new MetadataForm(organisations);
        assertThat(form.translationLanguage.getValue())
                .as("English is the dataset's: Korean offered")
                .isEqualTo("ko");
        form.title.setValue("Bicycle counts");
        assertThat(form.value().translations()).isEmpty();

        form.translationTitle.setValue("자전거 통행량");
        form.translationDescription.setValue("시간마다 센 자전거 수.");
        form.translationKeywords.setValue("자전거, 통행량, 자전거");
        DatasetMetadata.Translation korean = form.value().translations().get("ko");
        assertThat(korean.title()).isEqualTo("자전거 통행량");
        assertThat(korean.keywords()).containsExactly("자전거", "통행량");
    }

    @Test
    void switching_languages_keeps_each_translation_and_shows_the_next() {
        MetadataForm form = new MetadataForm(organisations);
        form.show(
                metadata(Map.of(
                        "ko", new DatasetMetadata.Translation("자전거 통행량", "설명", List.of("자전거")),
                        "zh", new DatasetMetadata.Translation("自行车流量", "", List.of()))),
                organisations);
        assertThat(form.translationLanguage.getValue())
                .as("the first translation, by language code")
                .isEqualTo("ko");
        assertThat(form.translationTitle.getValue()).isEqualTo("자전거 통행량");

        form.translationTitle.setValue("자전거 도로 통행량");
        form.translationLanguage.setValue("zh");
        assertThat(form.translationTitle.getValue()).isEqualTo("自行车流量");
        form.translationLanguage.setValue("ja");
        assertThat(form.translationTitle.getValue()).as("no Japanese yet").isEmpty();

        Map<String, DatasetMetadata.Translation> kept = form.value().translations();
        assertThat(kept).containsOnlyKeys("ko", "zh");
        assertThat(kept.get("ko").title()).as("the edit made before switching").isEqualTo("자전거 도로 통행량");

        form.translationLanguage.setValue("zh");
        form.translationTitle.clear();
        assertThat(form.value().translations())
                .as("a title cleared drops that translation")
                .containsOnlyKeys("ko");
    }

    @Test
    void a_refused_translation_is_marked_on_its_title() {
        MetadataForm form = new MetadataForm(organisations);
        assertThat(form.showError(new CatalogException("translations", "publish.error.translation-language")))
                .isTrue();
        assertThat(form.translationTitle.isInvalid()).isTrue();
        assertThat(form.translationTitle.getErrorMessage())
                .isEqualTo("Translate into a language other than the dataset's own.");
        form.clearErrors();
        assertThat(form.translationTitle.isInvalid()).isFalse();
    }
}
