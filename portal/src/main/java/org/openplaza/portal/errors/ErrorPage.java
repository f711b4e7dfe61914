package org.openplaza.portal.errors;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.RouterLink;
import org.openplaza.portal.home.HomeView;

/** The body every error page shares: a heading, one sentence and the way home. */
final class ErrorPage {

    private ErrorPage() {}

    static void fill(VerticalLayout page, String headingId, String titleKey, String textKey) {
        H1 title = new H1(page.getTranslation(titleKey));
        title.setId(headingId);
        page.add(title, new Paragraph(page.getTranslation(textKey)));
        page.add(new RouterLink(page.getTranslation("error.back-home"), HomeView.class));
    }
}
