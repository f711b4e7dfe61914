package org.openplaza.portal.admin;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.openplaza.catalog.CatalogException;
import org.openplaza.catalog.FetchRules;
import org.openplaza.portal.layout.Titles;

/**
 * Which servers the portal fetches files from (resources given by address, datasets' sources):
 * the allowed hosts, which narrow fetching to themselves, and the intranet hosts it may reach
 * although they are inside its own network. Hosts from the configuration are shown and kept;
 * administrators add and remove their own, which every node applies at once.
 */
@Route("admin/fetching")
@RolesAllowed("ADMIN")
public class FetchingView extends VerticalLayout implements HasDynamicTitle {

    private final FetchRules rules;
    private final VerticalLayout lists = new VerticalLayout();

    public FetchingView(FetchRules rules) {
        this.rules = rules;
        lists.setPadding(false);
        add(
                new H1(getTranslation("admin.fetching.title")),
                new Paragraph(getTranslation("admin.fetching.intro")),
                lists);
        refresh();
    }

    private void refresh() {
        lists.removeAll();
        List<FetchRules.Host> hosts = rules.hosts();
        for (FetchRules.Kind kind : FetchRules.Kind.values()) {
            lists.add(section(kind, hosts.stream().filter(h -> h.kind() == kind).toList()));
        }
    }

    private Component section(FetchRules.Kind kind, List<FetchRules.Host> hosts) {
        String id = "fetching-" + kind.name().toLowerCase(java.util.Locale.ROOT);
        H2 heading = new H2(getTranslation("admin.fetching." + kind.name()));
        heading.setId(id + "-heading");
        Paragraph help = new Paragraph(getTranslation("admin.fetching." + kind.name() + ".help"));
        UnorderedList list = new UnorderedList();
        list.setId(id);
        list.getElement().setAttribute("aria-labelledby", id + "-heading");
        if (hosts.isEmpty()) {
            list.add(new ListItem(getTranslation("admin.fetching." + kind.name() + ".none")));
        }
        for (FetchRules.Host host : hosts) {
            ListItem item = new ListItem(new Span(host.host() + " · "));
            if (host.configured()) {
                item.add(new Span(getTranslation("admin.fetching.configured")));
            } else {
                item.add(new Span(getTranslation("admin.fetching.added-by", host.addedBy()) + " "));
                Button remove = new Button(getTranslation("admin.fetching.remove"), e -> {
                    rules.remove(host.host(), host.kind());
                    refresh();
                });
                remove.setAriaLabel(getTranslation("admin.fetching.remove.label", host.host()));
                remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
                item.add(remove);
            }
            list.add(item);
        }
        TextField field = new TextField(getTranslation("admin.fetching.host"));
        field.setId(id + "-host");
        field.setHelperText(getTranslation("admin.fetching." + kind.name() + ".example"));
        Button add = new Button(getTranslation("admin.fetching.add"), e -> {
            try {
                rules.add(field.getValue(), kind);
                refresh();
            } catch (CatalogException ex) {
                field.setErrorMessage(
                        getTranslation(ex.messageKey(), ex.arguments().toArray()));
                field.setInvalid(true);
            }
        });
        add.setId(id + "-add");
        HorizontalLayout form = new HorizontalLayout(field, add);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        VerticalLayout section = new VerticalLayout(heading, help, list, form);
        section.setPadding(false);
        return section;
    }

    @Override
    public String getPageTitle() {
        return Titles.of(this, "admin.fetching.title");
    }
}
