package org.openplaza.catalog.harvest;

import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openplaza.catalog.Licence;

/**
 * A licence as another portal names it (its code, CKAN's licence id, the licence's page, or the EU
 * licence vocabulary's address) as one of this portal's. Only names that say one licence and one
 * version are read: CKAN's {@code cc-by} or {@code uk-ogl} name no version, and are not guessed.
 */
final class Licences {

    /** CKAN's licence ids and the EU vocabulary's codes that say exactly one of ours. */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("cc-zero", "CC0-1.0"),
            Map.entry("cc0", "CC0-1.0"),
            Map.entry("cc0_1_0", "CC0-1.0"),
            Map.entry("cc_by_4_0", "CC-BY-4.0"),
            Map.entry("cc-by-4.0", "CC-BY-4.0"),
            Map.entry("odc-odbl", "ODbL-1.0"),
            Map.entry("odbl", "ODbL-1.0"),
            Map.entry("odc_odbl", "ODbL-1.0"),
            Map.entry("odc-pddl", "PDDL-1.0"),
            Map.entry("odc_pddl", "PDDL-1.0"),
            Map.entry("ogl_uk_3_0", "OGL-UK-3.0"),
            Map.entry("dl-de-by-2_0", "dl-de-by-2.0"),
            Map.entry("dl_de_by_2_0", "dl-de-by-2.0"));

    private Licences() {}

    static @Nullable Licence of(String named) {
        String given = named.strip();
        for (Licence licence : Licence.values()) {
            if (licence.code().equalsIgnoreCase(given) || page(licence.url()).equals(page(given))) {
                return licence;
            }
        }
        String key = given.toLowerCase(Locale.ROOT);
        if (key.startsWith("http://publications.europa.eu/resource/authority/licence/")
                || key.startsWith("https://publications.europa.eu/resource/authority/licence/")) {
            key = key.substring(key.lastIndexOf('/') + 1);
        }
        String code = ALIASES.get(key);
        return code == null ? null : Licence.of(code).orElse(null);
    }

    /** An address without its scheme, a leading www. and a trailing slash, to compare pages. */
    private static String page(String address) {
        return address.toLowerCase(Locale.ROOT)
                .replaceFirst("^https?://", "")
                .replaceFirst("^www\\.", "")
                .replaceFirst("/+$", "");
    }
}
