package org.openplaza.portal.i18n;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Gives every new UI the visitor's language, and learns the reader's time zone. */
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
            // the reader's zone, for showing times in it too where it differs from the portal's
            if (ui.getUI().getSession().getAttribute(org.openplaza.portal.layout.Formats.READER_ZONE) == null) {
                ui.getUI().getPage().retrieveExtendedClientDetails(details -> {
                    try {
                        ui.getUI()
                                .getSession()
                                .setAttribute(
                                        org.openplaza.portal.layout.Formats.READER_ZONE,
                                        java.time.ZoneId.of(details.getTimeZoneId()));
                    } catch (java.time.DateTimeException | NullPointerException e) {
                        // a browser that reports no zone, or one Java does not know: portal time only
                    }
                });
            }
        });
    }
}
