package org.openplaza.portal.i18n;

import com.ibm.icu.text.MessageFormat;
import com.vaadin.flow.i18n.I18NProvider;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * UI text from {@code i18n/messages*.properties} (UTF-8). English is the root bundle; Korean is
 * {@code messages_ko}. Parameters use ICU's {@link MessageFormat}, so a count chooses its words by
 * the language's plural rules ({@code {0,plural,one{# row}other{# rows}}}; Korean has one form),
 * and a message with parameters writes a literal apostrophe as {@code ''}.
 */
@Component
public class PortalI18nProvider implements I18NProvider {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale KOREAN = Locale.KOREAN;
    public static final List<Locale> LOCALES = List.of(ENGLISH, KOREAN);

    static final String BUNDLE = "i18n.messages";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    private static final Logger log = LoggerFactory.getLogger(PortalI18nProvider.class);

    @Override
    public List<Locale> getProvidedLocales() {
        return LOCALES;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        String pattern;
        try {
            pattern = ResourceBundle.getBundle(BUNDLE, supported(locale), NO_FALLBACK)
                    .getString(key);
        } catch (MissingResourceException e) {
            log.warn("Missing message key '{}' for {}", key, locale);
            return "!" + key + "!";
        }
        return params.length == 0 ? pattern : new MessageFormat(pattern, supported(locale)).format(params);
    }

    /** Whether the portal has a message of this key (in English, which has every key). */
    public static boolean has(String key) {
        return ResourceBundle.getBundle(BUNDLE, ENGLISH, NO_FALLBACK).containsKey(key);
    }

    /** The supported locale closest to the one asked for; English when none fits. */
    public static Locale supported(Locale locale) {
        return LOCALES.stream()
                .filter(l -> l.getLanguage().equals(locale.getLanguage()))
                .findFirst()
                .orElse(ENGLISH);
    }
}
