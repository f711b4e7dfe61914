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

    private final com.vaadin.flow.component.html.Paragraph chainState = new com.vaadin.flow.component.html.Paragraph();

    public AuditLogView(AuditService audit, AuditChainJobs chain) {
        setSizeFull();
        chainState.setId("audit-chain");
        showCheck(chain.lastCheck());
        // a check reads the whole chain: asked for, not run on every visit
        com.vaadin.flow.component.button.Button check = new com.vaadin.flow.component.button.Button(
                getTranslation("admin.audit.chain.check"), e -> showCheck(chain.checkNow()));
        check.setId("audit-check");
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
        // the event's name in the reader's language, with its code for searching and exports
        grid.addColumn(e -> org.openplaza.portal.i18n.PortalI18nProvider.has("audit.event." + e.eventType())
                        ? getTranslation("audit.event." + e.eventType()) + " (" + e.eventType() + ")"
                        : e.eventType())
                .setHeader(getTranslation("admin.audit.event"));
        grid.addColumn(e -> e.objectType() == null ? "" : e.objectType() + " " + e.objectId())
                .setHeader(getTranslation("admin.audit.object"));
        grid.addColumn(e -> detail(e.detail(), this)).setHeader(getTranslation("admin.audit.detail"));
        grid.addColumn(e -> e.remoteAddress() == null ? "" : e.remoteAddress())
                .setHeader(getTranslation("admin.audit.address"));
        grid.setItems(data);
        add(
                new H1(getTranslation("admin.audit.title")),
                chainState,
                new com.vaadin.flow.component.orderedlayout.HorizontalLayout(check, export),
                search,
                grid);
    }

    private void showCheck(org.openplaza.audit.AuditChain.@org.jspecify.annotations.Nullable Verification check) {
        chainState.removeClassNames("success", "error");
        if (check == null) {
            chainState.setText(getTranslation("admin.audit.chain.unchecked"));
            return;
        }
        chainState.setText(
                check.intact()
                        ? getTranslation("admin.audit.chain.intact", check.entries())
                        : getTranslation("admin.audit.chain.broken", check.detail()));
        chainState.addClassName(check.intact() ? "success" : "error");
    }

    @Override
    public String getPageTitle() {
        return Titles.of(this, "admin.audit.title");
    }

    /** A detail written as a message key and arguments, in the reader's language; a sentence as written. */
    static String detail(@org.jspecify.annotations.Nullable String detail, com.vaadin.flow.component.Component in) {
        if (detail == null) {
            return "";
        }
        return org.openplaza.audit.AuditDetail.parse(detail)
                .filter(d -> org.openplaza.portal.i18n.PortalI18nProvider.has("audit.detail." + d.key()))
                .map(d -> in.getTranslation(
                        "audit.detail." + d.key(),
                        d.args().stream().map(arg -> argument(arg, in)).toArray()))
                .orElse(detail);
    }

    /** An argument as the message takes it: a number, terms of the portal translated, or text. */
    private static Object argument(String arg, com.vaadin.flow.component.Component in) {
        java.util.List<String> terms = org.openplaza.audit.AuditDetail.termKeys(arg);
        if (!terms.isEmpty()) {
            return terms.stream()
                    .map(term ->
                            org.openplaza.portal.i18n.PortalI18nProvider.has(term) ? in.getTranslation(term) : term)
                    .collect(java.util.stream.Collectors.joining(", "));
        }
        return arg.matches("-?\\d{1,18}") ? (Object) Long.valueOf(arg) : arg;
    }
}
