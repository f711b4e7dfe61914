package org.openplaza.portal.admin;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.openplaza.catalog.CatalogException;
import org.openplaza.catalog.HarvestRun;
import org.openplaza.catalog.HarvestSource;
import org.openplaza.catalog.Harvests;
import org.openplaza.catalog.Organisation;
import org.openplaza.catalog.PublishingService;
import org.openplaza.portal.layout.Formats;
import org.openplaza.portal.layout.Titles;

/**
 * Harvesting other portals: administrators add a CKAN portal or a DCAT-AP catalogue, the
 * organisation its datasets go under and how often it is read; each source shows its last run
 * (its progress while it runs, read again every second, with a button to cancel it; then its
 * report, with the records that failed and why), and can be harvested now or removed.
 */
@Route("admin/harvesting")
@RolesAllowed("ADMIN")
public class HarvestingView extends VerticalLayout implements HasDynamicTitle {

    static final List<Duration> EVERY =
            List.of(Duration.ofHours(1), Duration.ofHours(6), Duration.ofDays(1), Duration.ofDays(7));

    private final Harvests harvests;
    private final VerticalLayout list = new VerticalLayout();
    private @Nullable Registration polling;

    private final TextField title = new TextField();
    private final TextField url = new TextField();
    private final RadioButtonGroup<HarvestSource.Kind> kind = new RadioButtonGroup<>();
    private final Select<Organisation> organisation = new Select<>();
    private final Checkbox importCsv = new Checkbox();
    private final Select<Duration> every = new Select<>();

    public HarvestingView(Harvests harvests, PublishingService publishing) {
        this.harvests = harvests;
        list.setPadding(false);
        list.setId("harvest-sources");
        H2 sources = new H2(getTranslation("admin.harvesting.sources"));
        add(
                new H1(getTranslation("admin.harvesting.title")),
                new Paragraph(getTranslation("admin.harvesting.intro")),
                form(publishing.myOrganisations()),
                sources,
                list);
        refresh();
    }

    private Component form(List<Organisation> organisations) {
        H2 heading = new H2(getTranslation("admin.harvesting.add"));
        title.setLabel(getTranslation("admin.harvesting.source-title"));
        title.setId("harvest-title");
        url.setLabel(getTranslation("admin.harvesting.url"));
        url.setHelperText(getTranslation("admin.harvesting.url.help"));
        url.setId("harvest-url");
        url.setWidth("min(100%, 36em)");
        kind.setLabel(getTranslation("admin.harvesting.kind"));
        kind.setItems(HarvestSource.Kind.values());
        kind.setItemLabelGenerator(k -> getTranslation("admin.harvesting.kind." + k.name()));
        kind.setValue(HarvestSource.Kind.CKAN);
        kind.setId("harvest-kind");
        organisation.setLabel(getTranslation("admin.harvesting.organisation"));
        organisation.setItems(organisations);
        organisation.setItemLabelGenerator(Organisation::name);
        organisation.setId("harvest-organisation");
        if (!organisations.isEmpty()) {
            organisation.setValue(organisations.get(0));
        }
        importCsv.setLabel(getTranslation("admin.harvesting.import-csv"));
        importCsv.setValue(true);
        importCsv.setId("harvest-import-csv");
        every.setLabel(getTranslation("admin.harvesting.every"));
        every.setItems(EVERY);
        every.setItemLabelGenerator(this::everyLabel);
        every.setValue(Duration.ofDays(1));
        every.setId("harvest-every");
        Button add = new Button(getTranslation("admin.harvesting.add.button"), e -> add());
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.setId("harvest-add");
        HorizontalLayout fields = new HorizontalLayout(title, url, kind, organisation, every, importCsv, add);
        fields.setWrap(true);
        fields.setAlignItems(FlexComponent.Alignment.BASELINE);
        VerticalLayout section = new VerticalLayout(heading, fields);
        section.setPadding(false);
        return section;
    }

    private String everyLabel(Duration d) {
        return d.toDays() >= 1
                ? getTranslation("admin.harvesting.every.days", d.toDays())
                : getTranslation("admin.harvesting.every.hours", d.toHours());
    }

    private void add() {
        url.setInvalid(false);
        title.setInvalid(false);
        if (organisation.getValue() == null || kind.getValue() == null) {
            organisation.setErrorMessage(getTranslation("admin.harvesting.organisation.required"));
            organisation.setInvalid(true);
            return;
        }
        try {
            harvests.add(
                    title.getValue(),
                    url.getValue(),
                    kind.getValue(),
                    organisation.getValue().id(),
                    importCsv.getValue(),
                    every.getValue());
            title.clear();
            url.clear();
            notify("admin.harvesting.added", true);
            refresh();
        } catch (CatalogException e) {
            TextField field = "title".equals(e.field()) ? title : url;
            field.setErrorMessage(getTranslation(e.messageKey(), e.arguments().toArray()));
            field.setInvalid(true);
        }
    }

    /** Shows every source with its last run, and polls while one runs. */
    private void refresh() {
        list.removeAll();
        List<HarvestSource> all = harvests.sources();
        if (all.isEmpty()) {
            list.add(new Paragraph(getTranslation("admin.harvesting.none")));
        }
        boolean running = false;
        for (HarvestSource source : all) {
            list.add(source(source));
            running |= source.lastRun() != null && source.lastRun().running();
        }
        poll(running);
    }

    private void poll(boolean running) {
        UI ui = UI.getCurrent();
        if (ui == null) {
            return;
        }
        if (running && polling == null) {
            ui.setPollInterval(1000);
            polling = ui.addPollListener(e -> refresh());
        } else if (!running && polling != null) {
            polling.remove();
            polling = null;
            ui.setPollInterval(-1);
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        refresh();
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (polling != null) {
            polling.remove();
            polling = null;
            event.getUI().setPollInterval(-1);
        }
    }

    private Component source(HarvestSource source) {
        String id = "harvest-source-" + source.id();
        Div card = new Div();
        card.setId(id);
        card.addClassName("harvest-source");
        H3 heading = new H3(source.title());
        heading.setId(id + "-heading");
        card.getElement().setAttribute("role", "region");
        card.getElement().setAttribute("aria-labelledby", id + "-heading");
        Paragraph about = new Paragraph(getTranslation(
                "admin.harvesting.about",
                getTranslation("admin.harvesting.kind." + source.kind().name()),
                source.organisation(),
                everyLabel(source.every()),
                getTranslation(source.importCsv() ? "admin.harvesting.with-csv" : "admin.harvesting.without-csv")));
        Anchor address = new Anchor(source.url(), source.url());
        address.setTarget("_blank");
        address.getElement().setAttribute("rel", "noopener noreferrer");
        Paragraph mirrored = new Paragraph(getTranslation(
                "admin.harvesting.mirrored", harvests.datasetsOf(source.id()).size()));
        mirrored.setId(id + "-mirrored");
        card.add(heading, new Paragraph(address), about, mirrored);

        HarvestRun run = source.lastRun();
        if (run == null) {
            card.add(new Paragraph(getTranslation("admin.harvesting.never")));
        } else {
            card.add(run(id, run));
        }
        Button now = new Button(getTranslation("admin.harvesting.now"), e -> {
            try {
                harvests.start(source.id());
            } catch (CatalogException ex) {
                notify(ex.messageKey(), false);
            }
            refresh();
        });
        now.setId(id + "-now");
        now.setAriaLabel(getTranslation("admin.harvesting.now.label", source.title()));
        now.setEnabled(run == null || !run.running());
        Button remove = new Button(getTranslation("admin.harvesting.remove"), e -> {
            harvests.remove(source.id());
            notify("admin.harvesting.removed", true);
            refresh();
        });
        remove.setId(id + "-remove");
        remove.setAriaLabel(getTranslation("admin.harvesting.remove.label", source.title()));
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout actions = new HorizontalLayout(now, remove);
        actions.setWrap(true);
        card.add(actions);
        return card;
    }

    private Component run(String id, HarvestRun run) {
        Div shown = new Div();
        shown.setId(id + "-run");
        Locale locale = getLocale();
        Paragraph status = new Paragraph();
        status.setId(id + "-status");
        status.getElement().setAttribute("role", "status");
        shown.add(status);
        if (run.running()) {
            status.setText(getTranslation(
                    "admin.harvesting.running", Formats.dateTime(run.startedAt(), locale), run.done(), run.total()));
            ProgressBar bar = new ProgressBar();
            bar.setId(id + "-progress");
            bar.getElement().setAttribute("aria-label", getTranslation("admin.harvesting.progress"));
            if (run.total() > 0) {
                bar.setMax(run.total());
                bar.setValue(run.done());
            } else {
                bar.setIndeterminate(true);
            }
            Button cancel = new Button(getTranslation("admin.harvesting.cancel"), e -> {
                harvests.cancel(run.id());
                refresh();
            });
            cancel.setId(id + "-cancel");
            cancel.setEnabled(!run.cancelRequested());
            shown.add(bar, cancel);
            return shown;
        }
        status.setText(getTranslation(
                "admin.harvesting.ended." + run.state().name(),
                Formats.dateTime(run.finishedAt() == null ? run.startedAt() : run.finishedAt(), locale)));
        if (run.error() != null) {
            Paragraph error = new Paragraph(
                    getTranslation(run.error(), run.errorArguments().toArray()));
            error.setId(id + "-error");
            shown.add(error);
        }
        Paragraph report = new Paragraph(getTranslation(
                "admin.harvesting.report", run.created(), run.updated(), run.unchanged(), run.removed(), run.failed()));
        report.setId(id + "-report");
        shown.add(report);
        List<HarvestRun.Problem> problems = harvests.problems(run.id());
        if (!problems.isEmpty()) {
            UnorderedList failures = new UnorderedList();
            failures.setId(id + "-problems");
            failures.getElement().setAttribute("aria-label", getTranslation("admin.harvesting.problems"));
            for (HarvestRun.Problem problem : problems) {
                failures.add(new ListItem(getTranslation(
                        "admin.harvesting.problem",
                        problem.title() == null ? problem.originalId() : problem.title(),
                        problem.originalId(),
                        getTranslation(problem.messageKey(), problem.arguments().toArray()))));
            }
            shown.add(failures);
        }
        return shown;
    }

    private void notify(String key, boolean ok) {
        com.vaadin.flow.component.notification.Notification.show(getTranslation(key))
                .addThemeVariants(
                        ok
                                ? com.vaadin.flow.component.notification.NotificationVariant.LUMO_SUCCESS
                                : com.vaadin.flow.component.notification.NotificationVariant.LUMO_ERROR);
    }

    @Override
    public String getPageTitle() {
        return Titles.of(this, "admin.harvesting.title");
    }
}
