package org.openplaza.portal.layout;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

/**
 * "Copy link" for a page worth sharing (a dataset, a chart, a proposal, a vote): the address as
 * the browser has it, with whatever state the page keeps in it, copied in the browser; a status
 * says whether it worked, for screen readers too.
 */
public class ShareBar extends HorizontalLayout {

    public ShareBar(String idPrefix) {
        Span status = new Span();
        status.setId(idPrefix + "-share-status");
        status.getElement().setAttribute("role", "status");
        Button copy = new Button(getTranslation("share.copy-link"), VaadinIcon.LINK.create());
        copy.setId(idPrefix + "-share-link");
        copy.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        copy.addClickListener(e -> copy.getElement()
                .executeJs(
                        "return navigator.clipboard.writeText(window.location.href).then(() => window.location.href, () => '')")
                .then(
                        String.class,
                        copied -> status.setText(
                                copied == null || copied.isEmpty()
                                        ? getTranslation("share.copy-failed")
                                        : getTranslation("share.copied"))));
        add(copy, status);
        setAlignItems(FlexComponent.Alignment.BASELINE);
        addClassName("no-print");
    }
}
