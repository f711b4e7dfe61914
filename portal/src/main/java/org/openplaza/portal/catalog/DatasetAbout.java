package org.openplaza.portal.catalog;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.LocalDate;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.openplaza.catalog.DatasetMetadata;
import org.openplaza.catalog.DatasetPage;
import org.openplaza.catalog.Licence;
import org.openplaza.portal.layout.Formats;

/**
 * A dataset's "About" tab: who publishes it under which licence, whom to ask, its themes and
 * keywords, how often it changes, the time and place it covers, its language and dates.
 */
final class DatasetAbout extends VerticalLayout {

    DatasetAbout(DatasetPage dataset) {
        setPadding(false);
        DatasetMetadata m = dataset.metadata();
        Div list = new Div();
        list.setId("dataset-about");
        list.addClassName("facts");
        fact(list, "publish.meta.publisher", dataset.organisation());
        Licence licence = Licence.of(m.licence()).orElse(null);
        if (licence != null) {
            Anchor link = new Anchor(licence.url(), licence.title());
            link.setTarget("_blank");
            link.getElement().setAttribute("rel", "license noopener");
            fact(list, "publish.meta.licence", link);
        } else {
            fact(list, "publish.meta.licence", m.licence());
        }
        fact(list, "publish.meta.contact-name", m.contactName());
        if (m.contactEmail() != null && !m.contactEmail().isBlank()) {
            fact(list, "publish.meta.contact-email", new Anchor("mailto:" + m.contactEmail(), m.contactEmail()));
        }
        fact(
                list,
                "publish.meta.themes",
                m.themes().stream()
                        .sorted()
                        .map(t -> getTranslation("theme." + t))
                        .collect(Collectors.joining(", ")));
        fact(
                list,
                "publish.meta.keywords",
                String.join(", ", m.in(getLocale().getLanguage()).keywords()));
        fact(list, "publish.meta.frequency", getTranslation("frequency." + m.updateFrequency()));
        fact(list, "dataset.temporal", temporal(m.temporalFrom(), m.temporalTo()));
        fact(list, "publish.meta.spatial", m.spatial());
        fact(list, "publish.meta.language", Locale.forLanguageTag(m.language()).getDisplayLanguage(getLocale()));
        fact(list, "dataset.issued", dataset.issued() == null ? null : Formats.date(dataset.issued(), getLocale()));
        fact(list, "dataset.modified", Formats.date(dataset.modified(), getLocale()));
        add(new H2(getTranslation("dataset.tab.about")), list);
    }

    private @Nullable String temporal(@Nullable LocalDate from, @Nullable LocalDate to) {
        if (from == null && to == null) {
            return null;
        }
        return (from == null ? "…" : from.toString()) + " – " + (to == null ? "…" : to.toString());
    }

    private void fact(Div list, String key, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            fact(list, key, new Span(value));
        }
    }

    private void fact(Div list, String key, com.vaadin.flow.component.Component value) {
        Div row = new Div();
        row.addClassName("fact");
        Span label = new Span(getTranslation(key));
        label.addClassName("fact-label");
        row.add(label, value);
        list.add(row);
    }
}
