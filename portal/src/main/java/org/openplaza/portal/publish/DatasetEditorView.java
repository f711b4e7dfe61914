package org.openplaza.portal.publish;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openplaza.catalog.CatalogException;
import org.openplaza.catalog.ManagedDataset;
import org.openplaza.catalog.Organisation;
import org.openplaza.catalog.PublishingService;
import org.openplaza.portal.layout.Titles;

/** One dataset in the officials' workspace: its metadata, a new version's import, its history and state. */
@Route("publish/dataset")
@RolesAllowed({"OFFICIAL", "ADMIN"})
public class DatasetEditorView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    final Button save = new Button();
    final Button publish = new Button();
    final Button withdraw = new Button();
    final Span state = new Span();

    private final PublishingService publishing;
    private final ImportExecutor executor;
    private final List<Organisation> organisations;
    private @Nullable MetadataForm form;
    private @Nullable Long datasetId;

    private final org.openplaza.portal.security.RecentSignIn recentSignIn;
    private final org.openplaza.catalog.ScheduledSources sources;
    private final org.openplaza.catalog.PushedRecords pushed;

    public DatasetEditorView(
            PublishingService publishing,
            ImportExecutor executor,
            org.openplaza.portal.security.RecentSignIn recentSignIn,
            org.openplaza.catalog.ScheduledSources sources,
            org.openplaza.catalog.PushedRecords pushed) {
        this.pushed = pushed;
        this.recentSignIn = recentSignIn;
        this.sources = sources;
        this.publishing = publishing;
        this.executor = executor;
        this.organisations = publishing.myOrganisations();
        setMaxWidth("80rem");
    }

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter @Nullable Long id) {
        removeAll();
        datasetId = id;
        if (organisations.isEmpty()) {
            add(new H1(getTranslation("publish.title")), new Span(getTranslation("publish.no-organisation")));
            return;
        }
        form = new MetadataForm(organisations);
        save.setId("meta-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        if (id == null) {
            add(new H1(getTranslation("publish.new")), form, save);
            save.setText(getTranslation("publish.create"));
            return;
        }
        form.show(publishing.metadata(id), organisations);
        save.setText(getTranslation("publish.save"));
        H1 title = new H1(publishing.metadata(id).title());
        title.setId("dataset-title");
        add(title, stateBar(), new H2(getTranslation("publish.metadata")), form, save);
        add(new ImportPanel(publishing, executor, id, this::refresh));
        add(new SourcePanel(sources, executor, id, this::refresh));
        refresh();
    }

    private HorizontalLayout stateBar() {
        state.setId("dataset-state");
        state.getElement().getThemeList().add("badge");
        publish.setId("dataset-publish");
        publish.setText(getTranslation("publish.publish"));
        publish.addThemeVariants(ButtonVariant.LUMO_SUCCESS);
        publish.addClickListener(e -> org.openplaza.portal.layout.Confirm.then(
                this,
                "dataset-publish",
                "publish.confirm-heading",
                "publish.confirm-text",
                "publish.publish",
                () -> org.openplaza.portal.security.PasswordCheck.thenRun(
                        recentSignIn,
                        "reauth.why.binding",
                        () -> act(() -> publishing.publish(datasetId), "publish.published"))));
        withdraw.setId("dataset-withdraw");
        withdraw.setText(getTranslation("publish.withdraw"));
        withdraw.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        withdraw.addClickListener(e -> act(() -> publishing.withdraw(datasetId), "publish.withdrawn"));
        HorizontalLayout bar = new HorizontalLayout(state, publish, withdraw);
        bar.setAlignItems(Alignment.CENTER);
        return bar;
    }

    /** Shows the current state and versions again after a change. */
    void refresh() {
        if (datasetId == null) {
            return;
        }
        ManagedDataset dataset = publishing.managedDatasets().stream()
                .filter(d -> d.id() == datasetId)
                .findFirst()
                .orElseThrow();
        state.setText(getTranslation("publish.state." + dataset.state()));
        publish.setVisible(!"PUBLISHED".equals(dataset.state()));
        withdraw.setVisible("PUBLISHED".equals(dataset.state()));
        getChildren().filter(VersionsPanel.class::isInstance).toList().forEach(this::remove);
        add(new VersionsPanel(
                datasetId,
                publishing.versions(datasetId),
                this::deleteVersion,
                version -> new RetentionCell(pushed, version, true)));
    }

    /** Deletes a version once the official confirmed it is still them, as publishing asks. */
    void deleteVersion(org.openplaza.catalog.VersionSummary version) {
        org.openplaza.portal.security.PasswordCheck.thenRun(
                recentSignIn,
                "reauth.why.binding",
                () -> act(
                        () -> {
                            publishing.deleteVersion(version.id());
                        },
                        "publish.version.deleted"));
    }

    private void act(Runnable action, String doneKey) {
        try {
            action.run();
            notify(doneKey, NotificationVariant.LUMO_SUCCESS);
            refresh();
        } catch (CatalogException e) {
            notify(e.messageKey(), NotificationVariant.LUMO_ERROR);
        }
    }

    private void save() {
        MetadataForm f = form;
        if (f == null) {
            return;
        }
        f.clearErrors();
        try {
            if (datasetId == null) {
                long id = publishing.createDataset(f.value());
                getUI().ifPresent(ui -> ui.navigate(DatasetEditorView.class, id));
            } else {
                publishing.updateMetadata(datasetId, f.value());
                notify("publish.saved", NotificationVariant.LUMO_SUCCESS);
            }
        } catch (CatalogException e) {
            if (!f.showError(e)) {
                notify(e.messageKey(), NotificationVariant.LUMO_ERROR);
            }
        }
    }

    private void notify(String key, NotificationVariant variant) {
        Notification notification = Notification.show(getTranslation(key));
        notification.addThemeVariants(variant);
    }

    @Override
    public String getPageTitle() {
        return Titles.of(this, "publish.title");
    }
}
