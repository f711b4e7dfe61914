package org.openplaza.portal.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.vaadin.flow.component.UI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openplaza.catalog.Organisation;
import org.openplaza.catalog.PublishingService;
import org.openplaza.portal.MockUi;
import org.openplaza.portal.testdata.RunningPortal;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The organisations screen without a browser: a name refused on its field, an unknown account
 * refused on its field, a publisher added and removed; and an official who reaches the screen's
 * actions anyway is refused by the service. (The whole flow runs in the browser in
 * AdministrationIT.)
 */
@org.junit.jupiter.api.extension.ExtendWith(MockUi.class)
@RunningPortal
class OrganisationsViewIT {

    @Autowired
    PublishingService publishing;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private OrganisationsView screen() {
        OrganisationsView view = new OrganisationsView(publishing);
        UI.getCurrent().add(view);
        return view;
    }

    @Test
    void an_administrator_creates_an_organisation_and_chooses_its_publishers() {
        MockUi.signIn("admin", "ADMIN");
        OrganisationsView view = screen();
        view.name.setValue("   ");
        LocatorJ._click(view.create);
        assertThat(view.name.isInvalid()).isTrue();
        assertThat(view.name.getErrorMessage()).isNotBlank();

        String name = "Incheon Harbour Office " + System.nanoTime();
        view.name.setValue(name);
        LocatorJ._click(view.create);
        assertThat(view.name.isInvalid()).isFalse();
        Organisation created = view.organisations
                .getGenericDataView()
                .getItems()
                .filter(o -> o.name().equals(name))
                .findFirst()
                .orElseThrow();
        view.organisations.select(created);
        assertThat(view.membersTitle.getText()).contains(name);
        assertThat(view.members.getGenericDataView().getItems()).isEmpty();

        view.username.setValue("nobody-by-this-name");
        LocatorJ._click(view.addMember);
        assertThat(view.username.isInvalid()).isTrue();
        assertThat(view.username.getErrorMessage()).isNotBlank();

        view.username.setValue("Official");
        LocatorJ._click(view.addMember);
        assertThat(view.username.isInvalid()).isFalse();
        assertThat(view.members.getGenericDataView().getItems()).containsExactly("official");
        publishing.removeMember(created.id(), "official");
    }

    @Test
    void an_official_who_reaches_the_screen_is_refused_by_the_service() {
        MockUi.signIn("official", "OFFICIAL", "CITIZEN");
        OrganisationsView view = screen();
        view.name.setValue("An official's own office");
        assertThatThrownBy(() -> LocatorJ._click(view.create)).isInstanceOf(AccessDeniedException.class);
        assertThat(publishing.myOrganisations())
                .extracting(Organisation::name)
                .doesNotContain("An official's own office");
    }
}
