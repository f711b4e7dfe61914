package org.openplaza.catalog;

import java.util.Arrays;
import java.util.Optional;

/** The licences an official may choose, with the page that states each. */
public enum Licence {
    CC_BY_4_0("CC-BY-4.0", "Creative Commons Attribution 4.0", "https://creativecommons.org/licenses/by/4.0/"),
    CC0_1_0("CC0-1.0", "Creative Commons Zero 1.0", "https://creativecommons.org/publicdomain/zero/1.0/"),
    ODBL_1_0(
            "ODbL-1.0",
            "Open Data Commons Open Database Licence 1.0",
            "https://opendatacommons.org/licenses/odbl/1-0/"),
    PDDL_1_0(
            "PDDL-1.0",
            "Open Data Commons Public Domain Dedication and Licence 1.0",
            "https://opendatacommons.org/licenses/pddl/1-0/"),
    KOGL_1("KOGL-Type-1", "Korea Open Government Licence Type 1", "https://www.kogl.or.kr/info/licenseType1.do"),
    SG_ODL_1_0("SG-ODL-1.0", "Singapore Open Data Licence 1.0", "https://data.gov.sg/open-data-licence"),
    OGL_UK_3_0(
            "OGL-UK-3.0",
            "Open Government Licence v3.0",
            "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"),
    DL_DE_BY_2_0("dl-de-by-2.0", "Datenlizenz Deutschland Namensnennung 2.0", "https://www.govdata.de/dl-de/by-2-0"),
    OGDL_TW_1_0("OGDL-Taiwan-1.0", "Open Government Data License, version 1.0 (Taiwan)", "https://data.gov.tw/license");

    private final String code;
    private final String title;
    private final String url;

    Licence(String code, String title, String url) {
        this.code = code;
        this.title = title;
        this.url = url;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public String url() {
        return url;
    }

    public static Optional<Licence> of(String code) {
        return Arrays.stream(values()).filter(l -> l.code.equals(code)).findFirst();
    }
}
