package org.openplaza.portal.proposals;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openplaza.audit.Audited;
import org.openplaza.catalog.CatalogService;
import org.openplaza.catalog.DatasetSummary;
import org.openplaza.catalog.Organisation;
import org.openplaza.catalog.PublishingService;
import org.openplaza.catalog.VisualisationService;
import org.openplaza.catalog.VisualisationSummary;
import org.openplaza.portal.layout.Titles;
import org.openplaza.proposals.Category;
import org.openplaza.proposals.Markdown;
import org.openplaza.proposals.Proposal;
import org.openplaza.proposals.ProposalException;
import org.openplaza.proposals.ProposalService;
import org.openplaza.proposals.ProposalStatus;
import org.openplaza.proposals.ProposalText;

/**
 * Writing a proposal: title, summary, a Markdown body with a preview, category, district, tags
 * and evidence (datasets and saved visualisations). Citizens write citizen proposals; officials
 * write government proposals for one of their organisations. It saves a draft, which its page
 * publishes. Opened on a published proposal it saves a new revision, within the rules the
 * service enforces.
 */
@Route("proposals/edit")
@com.vaadin.flow.router.RouteAlias("proposals/new")
@PermitAll
public class ProposalEditorView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    private final ProposalService proposals;
    private final PublishingService publishing;
    private final TextField title = new TextField();
    private final TextArea summary = new TextArea();
    private final TextArea body = new TextArea();
    private final Div preview = new Div();
    private final Select<Category> category = new Select<>();
    private final TextField district = new TextField();
    private final TextField tags = new TextField();
    private final MultiSelectComboBox<DatasetSummary> datasets = new MultiSelectComboBox<>();
    private final MultiSelectComboBox<VisualisationSummary> charts = new MultiSelectComboBox<>();
    /** For officials: an organisation (a government proposal) or, if also a citizen, none. */
    private final Select<Optional<Organisation>> organisation = new Select<>();

    private final Map<Long, DatasetSummary> datasetsById = new HashMap<>();
    private final Map<Long, VisualisationSummary> chartsById = new HashMap<>();
    private @Nullable Proposal editing;

    public ProposalEditorView(
            ProposalService proposals,
            PublishingService publishing,
            CatalogService catalog,
            VisualisationService visualisations) {
        this.proposals = proposals;
        this.publishing = publishing;
        setMaxWidth("900px");
        title.setId("proposal-title");
        title.setLabel(getTranslation("proposal.field.title"));
        title.setMaxLength(200);
        title.setWidthFull();
        summary.setId("proposal-summary-field");
        summary.setLabel(getTranslation("proposal.field.summary"));
        summary.setMaxLength(600);
        summary.setWidthFull();
        body.setId("proposal-body-field");
        body.setLabel(getTranslation("proposal.field.body"));
        body.setHelperText(getTranslation("proposal.field.body.help"));
        body.setMaxLength(20_000);
        body.setMinHeight("12em");
        body.setWidthFull();
        body.setValueChangeMode(ValueChangeMode.LAZY);
        body.addValueChangeListener(e -> showPreview());
        preview.setId("proposal-preview");
        category.setId("proposal-category");
        category.setLabel(getTranslation("proposal.field.category"));
        category.setItems(Category.values());
        category.setItemLabelGenerator(c -> getTranslation("proposal.category." + c.name()));
        category.setValue(Category.OTHER);
        district.setId("proposal-district");
        district.setLabel(getTranslation("proposal.field.district"));
        district.setMaxLength(80);
        tags.setId("proposal-tags");
        tags.setLabel(getTranslation("proposal.field.tags"));
        tags.setHelperText(getTranslation("proposal.field.tags.help"));
        catalog.listPublishedDatasets(0, 500).forEach(d -> datasetsById.put(d.id(), d));
        datasets.setId("proposal-datasets");
        datasets.setLabel(getTranslation("proposal.field.datasets"));
        datasets.setItems(new ArrayList<>(datasetsById.values()));
        datasets.setItemLabelGenerator(DatasetSummary::title);
        datasets.setWidthFull();
        visualisations.listVisible(0, 200).forEach(v -> chartsById.put(v.id(), v));
        charts.setId("proposal-visualisations");
        charts.setLabel(getTranslation("proposal.field.visualisations"));
        charts.setItems(new ArrayList<>(chartsById.values()));
        charts.setItemLabelGenerator(VisualisationSummary::title);
        charts.setWidthFull();
        named(datasets);
        named(charts);
        organisation.setId("proposal-organisation");
        organisation.setLabel(getTranslation("proposal.field.organisation"));
        organisation.setItemLabelGenerator(
                o -> o.map(Organisation::name).orElse(getTranslation("proposal.field.organisation.none")));
        organisation.setVisible(false);
    }

    /**
     * Gives the multi-select's list of options its field's name once the list exists (its
     * listbox has none of its own, which screen readers and axe's aria-input-field-name flag).
     */
    private static void named(MultiSelectComboBox<?> box) {
        box.getElement().executeJs("""
                        const label = $0;
                        const name = () => {
                          const roots = [this, this.shadowRoot, this.$ && this.$.comboBox,
                            this.$ && this.$.comboBox && this.$.comboBox.shadowRoot];
                          for (const root of roots) {
                            const list = root && root.querySelector('[role=listbox]');
                            if (list && !list.getAttribute('aria-label')) {
                              list.setAttribute('aria-label', label);
                            }
                          }
                        };
                        this.addEventListener('opened-changed', () => setTimeout(name));
                        name();
                        """, box.getLabel());
    }

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter Long id) {
        removeAll();
        if (id != null) {
            editing = proposals
                    .find(id)
                    .filter(p -> p.authorUsername().equals(Audited.currentActor()))
                    .orElseThrow(NotFoundException::new);
            fill(editing);
        } else if (ProposalRoles.hasRole("OFFICIAL")) {
            List<Optional<Organisation>> choices = new ArrayList<>();
            publishing.myOrganisations().forEach(o -> choices.add(Optional.of(o)));
            if (ProposalRoles.hasRole("CITIZEN")) {
                choices.add(Optional.empty());
            }
            organisation.setItems(choices);
            organisation.setVisible(!choices.isEmpty());
            if (!choices.isEmpty()) {
                organisation.setValue(choices.get(0));
            }
        }
        H1 heading = new H1(getTranslation(editing == null ? "proposal.new" : "proposal.editing"));
        add(heading);
        if (editing != null && editing.status() != ProposalStatus.DRAFT) {
            Paragraph rules = new Paragraph(getTranslation("proposal.editing.rules"));
            rules.setId("proposal-editing-rules");
            add(rules);
        } else if (editing == null && organisation.isVisible()) {
            add(new Paragraph(getTranslation("proposal.new.official")));
        } else if (editing == null) {
            add(new Paragraph(getTranslation("proposal.new.citizen")));
        }
        FormLayout form = new FormLayout(organisation, category, district, tags);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));
        Details previewBox = new Details(getTranslation("proposal.preview"), preview);
        previewBox.setOpened(true);
        Button save = new Button(getTranslation(editing == null ? "proposal.save-draft" : "common.save"), e -> save());
        save.setId("proposal-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(title, summary, body, previewBox, form, datasets, charts, new HorizontalLayout(save));
        showPreview();
    }

    private void fill(Proposal p) {
        title.setValue(p.title());
        summary.setValue(p.summary());
        body.setValue(p.body());
        category.setValue(p.category());
        district.setValue(p.district() == null ? "" : p.district());
        tags.setValue(String.join(", ", p.tags()));
        datasets.setValue(p.datasets().stream()
                .map(datasetsById::get)
                .filter(java.util.Objects::nonNull)
                .toList());
        charts.setValue(p.visualisations().stream()
                .map(chartsById::get)
                .filter(java.util.Objects::nonNull)
                .toList());
    }

    private void showPreview() {
        preview.removeAll();
        preview.add(new Html("<div class=\"markdown\">" + Markdown.toHtml(body.getValue()) + "</div>"));
    }

    private ProposalText text() {
        List<String> tagList = new ArrayList<>();
        for (String part : tags.getValue().split(",")) {
            if (!part.isBlank()) {
                tagList.add(part.strip());
            }
        }
        // evidence the author may no longer see (unpublished since) is kept as it was
        List<Long> datasetIds = new ArrayList<>(
                datasets.getValue().stream().map(DatasetSummary::id).toList());
        List<Long> chartIds = new ArrayList<>(
                charts.getValue().stream().map(VisualisationSummary::id).toList());
        if (editing != null) {
            editing.datasets().stream()
                    .filter(d -> !datasetsById.containsKey(d))
                    .forEach(datasetIds::add);
            editing.visualisations().stream()
                    .filter(v -> !chartsById.containsKey(v))
                    .forEach(chartIds::add);
        }
        return new ProposalText(
                title.getValue(),
                summary.getValue(),
                body.getValue(),
                category.getValue() == null ? Category.OTHER : category.getValue(),
                district.getValue(),
                tagList,
                datasetIds,
                chartIds);
    }

    private void save() {
        List<HasValidation> fields = List.of(title, summary, body, district, tags, charts);
        fields.forEach(f -> f.setInvalid(false));
        try {
            long id;
            if (editing != null) {
                proposals.edit(editing.id(), text());
                id = editing.id();
            } else if (organisation.isVisible()
                    && organisation.getValue() != null
                    && organisation.getValue().isPresent()) {
                id = proposals.draftForOrganisation(
                        organisation.getValue().get().id(), text());
            } else if (organisation.isVisible() && organisation.getValue() == null) {
                throw new ProposalException("organisation", "proposal.error.organisation");
            } else {
                id = proposals.draft(text());
            }
            getUI().ifPresent(ui -> ui.navigate("proposal/" + id));
        } catch (ProposalException e) {
            String message = getTranslation(e.messageKey(), e.arguments().toArray());
            HasValidation field = switch (e.field() == null ? "" : e.field()) {
                case "title" -> title;
                case "summary" -> summary;
                case "body" -> body;
                case "district" -> district;
                case "tags" -> tags;
                case "evidence" -> charts;
                default -> null;
            };
            if (field != null) {
                field.setErrorMessage(message);
                field.setInvalid(true);
            } else {
                Notification.show(message).addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        }
    }

    @Override
    public String getPageTitle() {
        return Titles.of(this, editing == null ? "proposal.new" : "proposal.editing");
    }
}
