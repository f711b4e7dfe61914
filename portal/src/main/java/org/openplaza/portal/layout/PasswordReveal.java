package org.openplaza.portal.layout;

import com.vaadin.flow.component.Component;

/**
 * Names the eye button of password fields ("Show password") in the reader's language. The web
 * component takes it in its {@code i18n.reveal}, which the Java API does not reach; a field given
 * here, or every password field inside a component given here (the sign-in form), gets it.
 */
public final class PasswordReveal {

    private PasswordReveal() {}

    public static <C extends Component> C localised(C component) {
        component
                .getElement()
                .executeJs(
                        // the sign-in form makes its fields after it is attached: name them then too
                        "const name = () => (this.localName === 'vaadin-password-field'"
                                + " ? [this] : [...this.querySelectorAll('vaadin-password-field')])"
                                + " .forEach(f => { if (!f.i18n || f.i18n.reveal !== $0) {"
                                + " f.i18n = Object.assign({}, f.i18n, {reveal: $0}); } });"
                                + " name(); customElements.whenDefined('vaadin-password-field')"
                                + " .then(() => requestAnimationFrame(name));"
                                + " new MutationObserver(name).observe(this, {childList: true, subtree: true});",
                        component.getTranslation("password.reveal"));
        return component;
    }
}
