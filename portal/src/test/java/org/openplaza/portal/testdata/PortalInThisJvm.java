package org.openplaza.portal.testdata;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.openplaza.OpenPlazaApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A whole portal started in the calling JVM, on a free port, with the demo data and its database,
 * files and keys in a directory of its own: a second portal beside the tests' one, or the portal
 * a benchmark drives. Its settings are given as command-line arguments, which override the
 * application's own (default properties would not: it would run on 8080 with ./data).
 */
public final class PortalInThisJvm {

    private PortalInThisJvm() {}

    public static ConfigurableApplicationContext start(Path dir, String... settings) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--openplaza.data-dir=" + dir.resolve("data"),
                "--openplaza.votes.key-file=" + dir.resolve("keys/ballot-box.ed25519"),
                "--openplaza.votes.seal-keys=" + dir.resolve("keys/votes"),
                "--openplaza.audit.key-file=" + dir.resolve("keys/audit.hmac"),
                "--openplaza.accounts.second-factor-key-file=" + dir.resolve("keys/second-factor.key"),
                "--vaadin.devmode.devTools.enabled=false",
                "--logging.level.root=WARN"));
        for (String setting : settings) {
            arguments.add("--" + setting);
        }
        return new SpringApplicationBuilder(OpenPlazaApplication.class).run(arguments.toArray(String[]::new));
    }

    /** The port it listens on. */
    public static int port(ConfigurableApplicationContext portal) {
        return ((org.springframework.boot.web.context.WebServerApplicationContext) portal)
                .getWebServer()
                .getPort();
    }
}
