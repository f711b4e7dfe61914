package org.openplaza.portal.account;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import org.openplaza.accounts.SecondFactors;

/** How to add a new key to an authenticator app: the steps, the key as a QR code and as text. */
class AuthenticatorSetup extends Div {

    AuthenticatorSetup(SecondFactors.Enrolment enrolment) {
        addClassName("second-step-setup");
        add(new Paragraph(getTranslation("second-step.setup.text")));
        OrderedList steps = new OrderedList();
        steps.add(new ListItem(getTranslation("second-step.setup.step-app")));
        steps.add(new ListItem(getTranslation("second-step.setup.step-scan")));
        steps.add(new ListItem(getTranslation("second-step.setup.step-code")));
        add(steps);
        Image qr = new Image(QrCodes.svgDataUrl(enrolment.uri()), getTranslation("second-step.setup.qr-alt"));
        qr.setId("authenticator-qr");
        qr.addClassName("qr-code");
        Span key = new Span(QrCodes.grouped(enrolment.secret()));
        key.setId("authenticator-key");
        key.addClassName("secret-key");
        Paragraph typed = new Paragraph(getTranslation("second-step.setup.key") + " ");
        typed.add(key);
        add(qr, typed);
    }
}
