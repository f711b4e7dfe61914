package org.openplaza.portal.publish;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openplaza.catalog.CatalogException;
import org.openplaza.catalog.DatasetMetadata;
import org.openplaza.catalog.Licence;
import org.openplaza.catalog.Organisation;

/** The DCAT-AP metadata of a dataset; the service validates it again and names the field at fault. */
class MetadataForm extends FormLayout {

    final TextField title = new TextField();
    final TextArea description = new TextArea();
    final Select<Organisation> organisation = new Select<>();
    final TextField contactName = new TextField();
    final EmailField contactEmail = new EmailField();
    final MultiSelectComboBox<String> themes = new MultiSelectComboBox<>();
    final TextField keywords = new TextField();
    final Select<Licence> licence = new Select<>();
    final Select<String> frequency = new Select<>();
    final DatePicker temporalFrom = new DatePicker();
    final DatePicker temporalTo = new DatePicker();
    final TextField spatial = new TextField();
    final Select<String> language = new Select<>();
    final Select<String> translationLanguage = new Select<>();
    final TextField translationTitle = new TextField();
    final TextArea translationDescription = new TextArea();
    final TextField translationKeywords = new TextField();

    /** Every translation the dataset has, the one in the fields included once it is read back. */
    private final Map<String, DatasetMetadata.Translation> translations = new java.util.HashMap<>();

    private String shownTranslation = "";

    MetadataForm(List<Organisation> organisations) {
        describing(organisations);
        classifying();
        covering();
        translating();
        add(
                title,
                organisation,
                description,
                contactName,
                contactEmail,
                themes,
                keywords,
                licence,
                frequency,
                temporalFrom,
                temporalTo,
                spatial,
                language,
                translationLanguage,
                translationTitle,
                translationDescription,
                translationKeywords);
        setColspan(description, 2);
        setColspan(translationDescription, 2);
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("40em", 2));
    }

    /** Title, description, publisher and contact. */
    private void describing(List<Organisation> organisations) {
        label(title, "meta-title", "publish.meta.title");
        title.setRequired(true);
        label(description, "meta-description", "publish.meta.description");
        description.setRequired(true);
        label(organisation, "meta-organisation", "publish.meta.publisher");
        organisation.setItems(organisations);
        organisation.setItemLabelGenerator(Organisation::name);
        if (organisations.size() == 1) {
            organisation.setValue(organisations.get(0));
        } else {
            // an official of several organisations says which one publishes: none is chosen for them
            // (no required indicator: Vaadin's select puts aria-required on its button, which axe refuses)
            organisation.setPlaceholder(getTranslation("publish.meta.publisher.choose"));
        }
        label(contactName, "meta-contact-name", "publish.meta.contact-name");
        label(contactEmail, "meta-contact-email", "publish.meta.contact-email");
    }

    /** Themes, keywords, licence and how often it is updated. */
    private void classifying() {
        label(themes, "meta-themes", "publish.meta.themes");
        themes.setItems(DatasetMetadata.THEMES);
        themes.setItemLabelGenerator(code -> getTranslation("theme." + code));
        label(keywords, "meta-keywords", "publish.meta.keywords");
        keywords.setHelperText(getTranslation("publish.meta.keywords.help"));
        label(licence, "meta-licence", "publish.meta.licence");
        licence.setItems(Licence.values());
        licence.setItemLabelGenerator(Licence::title);
        licence.setValue(Licence.CC_BY_4_0);
        label(frequency, "meta-frequency", "publish.meta.frequency");
        frequency.setItems(DatasetMetadata.FREQUENCIES);
        frequency.setItemLabelGenerator(code -> getTranslation("frequency." + code));
        frequency.setValue("UNKNOWN");
    }

    /** The time and place it covers, and its language. */
    private void covering() {
        org.openplaza.portal.layout.Pickers.localised(temporalFrom);
        org.openplaza.portal.layout.Pickers.localised(temporalTo);
        label(temporalFrom, "meta-temporal-from", "publish.meta.temporal-from");
        label(temporalTo, "meta-temporal-to", "publish.meta.temporal-to");
        label(spatial, "meta-spatial", "publish.meta.spatial");
        label(language, "meta-language", "publish.meta.language");
        language.setItems(DatasetMetadata.LANGUAGES);
        language.setItemLabelGenerator(
                code -> java.util.Locale.forLanguageTag(code).getDisplayLanguage(getLocale()));
        language.setValue(getLocale().getLanguage().equals("ko") ? "ko" : "en");
    }

    /** The same title, description and keywords in another language, shown to its readers. */
    private void translating() {
        // the same title, description and keywords in another language, shown to its readers
        label(translationLanguage, "meta-translation-language", "publish.meta.translation-language");
        translationLanguage.setItems(DatasetMetadata.LANGUAGES);
        translationLanguage.setItemLabelGenerator(language.getItemLabelGenerator());
        translationLanguage.setHelperText(getTranslation("publish.meta.translation.help"));
        label(translationTitle, "meta-translation-title", "publish.meta.translation-title");
        label(translationDescription, "meta-translation-description", "publish.meta.translation-description");
        label(translationKeywords, "meta-translation-keywords", "publish.meta.translation-keywords");
        translationKeywords.setHelperText(getTranslation("publish.meta.keywords.help"));
        showTranslation(otherThan(language.getValue()));
        translationLanguage.addValueChangeListener(e -> {
            if (e.getValue() != null && !e.getValue().equals(shownTranslation)) {
                keepTranslation();
                showTranslation(e.getValue());
            }
        });
    }

    private void label(com.vaadin.flow.component.Component field, String id, String key) {
        field.setId(id);
        field.getElement().setProperty("label", getTranslation(key));
    }

    void show(DatasetMetadata m, List<Organisation> organisations) {
        title.setValue(m.title());
        description.setValue(m.description());
        organisations.stream()
                .filter(o -> o.id() == m.organisationId())
                .findFirst()
                .ifPresent(organisation::setValue);
        contactName.setValue(m.contactName() == null ? "" : m.contactName());
        contactEmail.setValue(m.contactEmail() == null ? "" : m.contactEmail());
        themes.setValue(m.themes());
        keywords.setValue(String.join(", ", m.keywords()));
        Licence.of(m.licence()).ifPresent(licence::setValue);
        frequency.setValue(m.updateFrequency());
        temporalFrom.setValue(m.temporalFrom());
        temporalTo.setValue(m.temporalTo());
        spatial.setValue(m.spatial() == null ? "" : m.spatial());
        language.setValue(m.language());
        translations.clear();
        translations.putAll(m.translations());
        showTranslation(m.translations().keySet().stream().sorted().findFirst().orElse(otherThan(m.language())));
    }

    /** The portal's other language: Korean for English and everything else, English for Korean. */
    private static String otherThan(String language) {
        return language.equals("ko") ? "en" : "ko";
    }

    private void showTranslation(String code) {
        shownTranslation = code;
        translationLanguage.setValue(code);
        DatasetMetadata.Translation t = translations.get(code);
        translationTitle.setValue(t == null ? "" : t.title());
        translationDescription.setValue(t == null ? "" : t.description());
        translationKeywords.setValue(t == null ? "" : String.join(", ", t.keywords()));
    }

    /** Reads the translation in the fields back: kept when it has a title, dropped when it has none. */
    private void keepTranslation() {
        if (translationTitle.getValue().isBlank()) {
            translations.remove(shownTranslation);
        } else {
            translations.put(
                    shownTranslation,
                    new DatasetMetadata.Translation(
                            translationTitle.getValue(),
                            translationDescription.getValue(),
                            keywords(translationKeywords.getValue())));
        }
    }

    private static List<String> keywords(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(","))
                .map(String::strip)
                .filter(k -> !k.isEmpty())
                .distinct()
                .toList();
    }

    /** The metadata as filled in; a refusal naming the publisher when none is chosen. */
    DatasetMetadata value() {
        if (organisation.getValue() == null) {
            throw new CatalogException("organisation", "publish.error.choose-publisher");
        }
        List<String> words = keywords(keywords.getValue());
        keepTranslation();
        return new DatasetMetadata(
                organisation.getValue().id(),
                title.getValue().strip(),
                description.getValue().strip(),
                blankToNull(contactName.getValue()),
                blankToNull(contactEmail.getValue()),
                themes.getValue(),
                words,
                licence.getValue().code(),
                frequency.getValue(),
                temporalFrom.getValue(),
                temporalTo.getValue(),
                blankToNull(spatial.getValue()),
                language.getValue(),
                Map.copyOf(translations));
    }

    private static @Nullable String blankToNull(String value) {
        return value.isBlank() ? null : value.strip();
    }

    /** Marks the field the service refused, with its message; false when no field is named. */
    boolean showError(CatalogException e) {
        Map<String, HasValidation> fields = new java.util.HashMap<>();
        fields.put("title", title);
        fields.put("description", description);
        fields.put("contactEmail", contactEmail);
        fields.put("themes", themes);
        fields.put("keywords", keywords);
        fields.put("temporalTo", temporalTo);
        fields.put("translations", translationTitle);
        fields.put("organisation", organisation);
        HasValidation field = e.field() == null ? null : fields.get(e.field());
        if (field == null) {
            return false;
        }
        field.setErrorMessage(getTranslation(e.messageKey()));
        field.setInvalid(true);
        return true;
    }

    void clearErrors() {
        List.<HasValidation>of(
                        title, description, contactEmail, themes, keywords, temporalTo, translationTitle, organisation)
                .forEach(f -> f.setInvalid(false));
    }
}
