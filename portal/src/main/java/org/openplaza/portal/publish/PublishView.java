package org.openplaza.portal.publish;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.openplaza.portal.layout.Titles;

/** The officials' workspace for publishing data and proposals; other roles are refused. */
@Route("publish")
@RolesAllowed("OFFICIAL")
public class PublishView extends VerticalLayout implements HasDynamicTitle {

    public PublishView() {
        H1 title = new H1(getTranslation("publish.title"));
        title.setId("publish-title");
        add(title, new Paragraph(getTranslation("publish.intro")));
    }

    @Override
    public String getPageTitle() {
        return Titles.of(this, "publish.title");
    }
}
