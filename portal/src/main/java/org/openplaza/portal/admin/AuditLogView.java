package org.openplaza.portal.admin;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.ConfigurableFilterDataProvider;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.openplaza.audit.AuditEvent;
import org.openplaza.audit.AuditService;
import org.openplaza.portal.layout.Formats;
import org.openplaza.portal.layout.SearchField;
import org.openplaza.portal.layout.Titles;

/** The audit log, newest first, searchable; read-only. */
@Route("admin/audit")
@RolesAllowed("ADMIN")
public class AuditLogView extends VerticalLayout implements HasDynamicTitle {

    final TextField search = new TextField();
    final Grid<AuditEvent> grid = new Grid<>();

    public AuditLogView(AuditService audit, org.openplaza.audit.AuditChain chain) {
        setSizeFull();
        org.openplaza.audit.AuditChain.Verification check = chain.verify();
        com.vaadin.flow.component.html.Paragraph state = new com.vaadin.flow.component.html.Paragraph(
                check.intact()
                        ? getTranslation("admin.audit.chain.intact", check.entries())
                        : getTranslation("admin.audit.chain.broken", check.detail()));
        state.setId("audit-chain");
        state.addClassName(check.intact() ? "success" : "error");
        com.vaadin.flow.component.html.Anchor export =
                new com.vaadin.flow.component.html.Anchor("/admin/audit.csv", getTranslation("admin.audit.export"));
        export.setId("audit-export");
        export.getElement().setAttribute("router-ignore", true);
        SearchField.create(search, "audit-search", "admin.audit.search");
        ConfigurableFilterDataProvider<AuditEvent, Void, String> data =
                DataProvider.<AuditEvent, String>fromFilteringCallbacks(
                                q -> audit.search(q.getFilter().orElse(""), q.getOffset(), q.getLimit()).stream(),
                                q -> audit.count(q.getFilter().orElse("")))
                        .withConfigurableFilter();
        search.addValueChangeListener(e -> data.setFilter(e.getValue()));
        grid.setId("audit-grid");
        grid.addColumn(e -> Formats.dateTime(e.occurredAt(), getLocale()))
                .setHeader(getTranslation("admin.audit.when"))
                .setAutoWidth(true);
        grid.addColumn(AuditEvent::actor).setHeader(getTranslation("admin.audit.actor"));
        grid.addColumn(AuditEvent::eventType).setHeader(getTranslation("admin.audit.event"));
        grid.addColumn(e -> e.objectType() == null ? "" : e.objectType() + " " + e.objectId())
                .setHeader(getTranslation("admin.audit.object"));
        grid.addColumn(e -> e.detail() == null ? "" : e.detail()).setHeader(getTranslation("admin.audit.detail"));
        grid.addColumn(e -> e.remoteAddress() == null ? "" : e.remoteAddress())
                .setHeader(getTranslation("admin.audit.address"));
        grid.setItems(data);
        add(new H1(getTranslation("admin.audit.title")), state, export, search, grid);
    }

    @Override
    public String getPageTitle() {
        return Titles.of(this, "admin.audit.title");
    }
}
