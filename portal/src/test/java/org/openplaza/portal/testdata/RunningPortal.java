package org.openplaza.portal.testdata;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole portal on a random port with a fresh database under target/ and the demo data, on a
 * {@link MovableClock}; every test class so annotated shares one running application.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "openplaza.data-dir=target/it-data/${random.uuid}",
            "openplaza.votes.key-file=target/it-keys/ballot-box.ed25519",
            "openplaza.votes.seal-keys=target/it-keys/votes-${random.uuid}",
            "openplaza.votes.turnout-batch=2",
            "openplaza.audit.key-file=target/it-keys/audit-${random.uuid}.hmac",
            "vaadin.devmode.devTools.enabled=false",
            "openplaza.accounts.failures-per-address=1000",
            "openplaza.accounts.registrations-per-address=1000",
            // as behind a TLS-terminating proxy on this machine (see TransportSecurityIT)
            "server.forward-headers-strategy=native",
            "openplaza.security.contact=mailto:security@city.example",
            // the tests' file servers run on this machine, named localhost; 127.0.0.1 stays refused
            "openplaza.fetch.internal-hosts-allowed=localhost"
        })
@Import(MovableClock.InPortal.class)
public @interface RunningPortal {}
