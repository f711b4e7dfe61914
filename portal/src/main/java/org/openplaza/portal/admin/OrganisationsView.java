package org.openplaza.portal.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.jspecify.annotations.Nullable;
import org.openplaza.catalog.CatalogException;
import org.openplaza.catalog.Organisation;
import org.openplaza.catalog.PublishingService;
import org.openplaza.portal.layout.Titles;

/** Administrators create publishing organisations and choose which accounts publish for each. */
@Route("admin/organisations")
@RolesAllowed("ADMIN")
public class OrganisationsView extends VerticalLayout implements HasDynamicTitle {

    final TextField name = new TextField();
    final Button create = new Button();
    final Grid<Organisation> organisations = new Grid<>();
    final Grid<String> members = new Grid<>();
    final TextField username = new TextField();
    final Button addMember = new Button();
    final H2 membersTitle = new H2();

    private final PublishingService publishing;
    private @Nullable Organisation selected;

    public OrganisationsView(PublishingService publishing) {
        this.publishing = publishing;
        name.setId("organisation-name");
        name.setLabel(getTranslation("admin.organisations.name"));
        create.setId("organisation-create");
        create.setText(getTranslation("admin.organisations.create"));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> createOrganisation());
        HorizontalLayout creating = new HorizontalLayout(name, create);
        creating.setAlignItems(FlexComponent.Alignment.BASELINE);
        organisations.setId("organisations-grid");
        organisations.addColumn(Organisation::name).setHeader(getTranslation("admin.organisations.name"));
        organisations.addColumn(Organisation::slug).setHeader(getTranslation("admin.organisations.slug"));
        organisations.setAllRowsVisible(true);
        organisations.addSelectionListener(e -> select(e.getFirstSelectedItem().orElse(null)));
        members.setId("members-grid");
        members.addColumn(u -> u).setHeader(getTranslation("account.username"));
        members.addComponentColumn(u -> {
                    Button remove = new Button(getTranslation("admin.organisations.remove"), e -> removeMember(u));
                    remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
                    return remove;
                })
                .setHeader(getTranslation("admin.organisations.actions"));
        members.setAllRowsVisible(true);
        username.setId("member-username");
        username.setLabel(getTranslation("admin.organisations.member"));
        addMember.setId("member-add");
        addMember.setText(getTranslation("admin.organisations.add"));
        addMember.addClickListener(e -> addMember());
        HorizontalLayout adding = new HorizontalLayout(username, addMember);
        adding.setAlignItems(FlexComponent.Alignment.BASELINE);
        VerticalLayout memberPanel = new VerticalLayout(membersTitle, members, adding);
        memberPanel.setPadding(false);
        memberPanel.setVisible(false);
        memberPanel.setId("members-panel");
        add(
                new H1(getTranslation("admin.organisations.title")),
                new Paragraph(getTranslation("admin.organisations.intro")),
                creating,
                organisations,
                memberPanel);
        refresh();
    }

    private void refresh() {
        organisations.setItems(publishing.myOrganisations());
    }

    private void select(@Nullable Organisation organisation) {
        selected = organisation;
        getChildren()
                .filter(c -> "members-panel".equals(c.getId().orElse("")))
                .forEach(c -> c.setVisible(organisation != null));
        if (organisation != null) {
            membersTitle.setText(getTranslation("admin.organisations.members", organisation.name()));
            members.setItems(publishing.members(organisation.id()));
        }
    }

    private void createOrganisation() {
        try {
            publishing.createOrganisation(name.getValue());
            name.clear();
            name.setInvalid(false);
            refresh();
        } catch (CatalogException e) {
            name.setErrorMessage(getTranslation(e.messageKey()));
            name.setInvalid(true);
        }
    }

    private void addMember() {
        Organisation organisation = selected;
        if (organisation == null) {
            return;
        }
        try {
            publishing.addMember(organisation.id(), username.getValue());
            username.clear();
            username.setInvalid(false);
            members.setItems(publishing.members(organisation.id()));
        } catch (CatalogException e) {
            username.setErrorMessage(getTranslation(e.messageKey()));
            username.setInvalid(true);
        }
    }

    private void removeMember(String member) {
        Organisation organisation = selected;
        if (organisation != null) {
            publishing.removeMember(organisation.id(), member);
            members.setItems(publishing.members(organisation.id()));
            Notification.show(getTranslation("admin.organisations.removed", member))
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        }
    }

    @Override
    public String getPageTitle() {
        return Titles.of(this, "admin.organisations.title");
    }
}
