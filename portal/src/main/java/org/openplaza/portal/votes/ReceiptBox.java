package org.openplaza.portal.votes;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import org.openplaza.voting.Receipt;

/**
 * The receipt of a ballot just cast, shown this once: its code, the secret that changes it where
 * changing is allowed, and copy, print and download, all done in the browser.
 */
class ReceiptBox extends Div {

    private final String title;
    private final long id;

    ReceiptBox(Receipt receipt, String title, long id) {
        this.title = title;
        this.id = id;
        setId("vote-receipt-box");
        show(receipt);
    }

    private void show(Receipt receipt) {
        Div box = this;
        box.add(new H2(getTranslation("vote.receipt.title")));
        box.add(new Paragraph(getTranslation("vote.receipt.counted")));
        Paragraph code = new Paragraph(getTranslation("vote.receipt.code"));
        Span value = new Span(receipt.code());
        value.setId("vote-receipt");
        value.addClassName("hash");
        code.add(new Span(" "), value);
        box.add(code, new Paragraph(getTranslation("vote.receipt.help")));
        if (receipt.changeSecret() != null) {
            Paragraph secret = new Paragraph(getTranslation("vote.receipt.secret"));
            Span secretValue = new Span(receipt.changeSecret());
            secretValue.setId("vote-secret");
            secretValue.addClassName("hash");
            secret.add(new Span(" "), secretValue);
            box.add(secret, new Paragraph(getTranslation("vote.receipt.secret-help")));
        }
        Paragraph once = new Paragraph(
                getTranslation(receipt.changeSecret() == null ? "vote.receipt.once" : "vote.receipt.once-with-secret"));
        once.setId("vote-receipt-once");
        once.addClassName("error");
        box.add(once, keepActions(receipt));
    }

    /**
     * Copy, print and download for the receipt and the secret, which are shown only this once:
     * all three happen in the browser, the text made here in the reader's language.
     */
    private com.vaadin.flow.component.Component keepActions(Receipt receipt) {
        StringBuilder text = new StringBuilder()
                .append(title)
                .append('\n')
                .append(getTranslation("vote.receipt.code"))
                .append(' ')
                .append(receipt.code())
                .append('\n');
        if (receipt.changeSecret() != null) {
            text.append(getTranslation("vote.receipt.secret"))
                    .append(' ')
                    .append(receipt.changeSecret())
                    .append('\n');
        }
        text.append('\n').append(getTranslation("vote.receipt.help")).append('\n');
        String kept = text.toString();
        Span status = new Span();
        status.setId("vote-receipt-status");
        status.getElement().setAttribute("role", "status");
        Button copy = new Button(getTranslation("vote.receipt.copy"), VaadinIcon.COPY.create());
        copy.setId("vote-receipt-copy");
        copy.addClickListener(e -> copy.getElement()
                .executeJs("return navigator.clipboard.writeText($0).then(() => true, () => false)", kept)
                .then(
                        Boolean.class,
                        done -> status.setText(getTranslation(
                                Boolean.TRUE.equals(done) ? "vote.receipt.copied" : "vote.receipt.copy-failed"))));
        Button print = new Button(getTranslation("vote.receipt.print"), VaadinIcon.PRINT.create());
        print.setId("vote-receipt-print");
        print.addClickListener(e -> print.getElement().executeJs("window.print()"));
        Button download = new Button(getTranslation("vote.receipt.download"), VaadinIcon.DOWNLOAD.create());
        download.setId("vote-receipt-download");
        download.addClickListener(e -> download.getElement()
                .executeJs(
                        "const link = document.createElement('a');"
                                + " link.href = URL.createObjectURL(new Blob([$0], {type: 'text/plain;charset=utf-8'}));"
                                + " link.download = $1; document.body.appendChild(link); link.click(); link.remove();",
                        kept,
                        "openplaza-vote-" + id + "-receipt.txt"));
        HorizontalLayout actions = new HorizontalLayout(copy, print, download, status);
        actions.setAlignItems(FlexComponent.Alignment.BASELINE);
        actions.getStyle().set("flex-wrap", "wrap");
        actions.addClassName("no-print");
        return actions;
    }
}
