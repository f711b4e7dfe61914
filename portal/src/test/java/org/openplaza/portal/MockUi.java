package org.openplaza.portal;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import java.util.Locale;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openplaza.portal.i18n.PortalI18nProvider;

/**
 * A Vaadin UI without a browser for each test (Karibu-Testing), speaking English with the
 * portal's message bundles; a test may switch the UI's locale.
 */
public final class MockUi implements BeforeEachCallback, AfterEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) {
        System.setProperty("vaadin.i18n.provider", PortalI18nProvider.class.getName());
        MockVaadin.setup();
        UI.getCurrent().setLocale(Locale.ENGLISH);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        MockVaadin.tearDown();
        System.clearProperty("vaadin.i18n.provider");
    }
}
