package org.openplaza.portal.i18n;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Gives every new UI the visitor's language. */
@Component
class LocaleInitListener implements VaadinServiceInitListener {

    private final LanguagePreference languages;

    LocaleInitListener(LanguagePreference languages) {
        this.languages = languages;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(ui -> {
            VaadinRequest request = VaadinRequest.getCurrent();
            Locale locale = request == null ? PortalI18nProvider.ENGLISH : languages.resolve(request);
            ui.getUI().getSession().setLocale(locale);
            LanguagePreference.apply(ui.getUI(), locale);
        });
    }
}
