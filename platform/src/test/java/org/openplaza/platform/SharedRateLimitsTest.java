package org.openplaza.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openplaza.PlatformTestApplication;
import org.openplaza.accounts.LoginThrottle;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two nodes of a cluster on one PostgreSQL database share their throttles: a guesser who spreads
 * failed sign-ins over both nodes is held back after the same number of failures as on one node,
 * not twice as many; and an address's registrations count once across the cluster.
 */
@Tag("postgres-only")
class SharedRateLimitsTest {

    private static ConfigurableApplicationContext node(String cluster) {
        return new SpringApplicationBuilder(PlatformTestApplication.class)
                .web(WebApplicationType.NONE)
                .properties(
                        "spring.datasource.url=jdbc:h2:mem:" + cluster + ";DB_CLOSE_DELAY=-1",
                        "openplaza.test.postgres.shared=" + cluster,
                        "openplaza.accounts.failures-per-account=5",
                        "openplaza.accounts.registrations-per-address=3")
                .run();
    }

    @Test
    void failures_spread_over_two_nodes_are_held_back_as_on_one() throws Exception {
        String cluster = "limits-" + System.nanoTime();
        try (ConfigurableApplicationContext a = node(cluster);
                ConfigurableApplicationContext b = node(cluster)) {
            assertThat(a.getBean(RateLimits.class).isShared()).isTrue();
            LoginThrottle onA = a.getBean(LoginThrottle.class);
            LoginThrottle onB = b.getBean(LoginThrottle.class);
            LoginThrottle.Attempt guess = new LoginThrottle.Attempt("kim", "203.0.113.7", null);

            for (int i = 0; i < 5; i++) {
                assertThat(onA.isThrottled(guess) || onB.isThrottled(guess))
                        .as("failure %d", i + 1)
                        .isFalse();
                (i % 2 == 0 ? onA : onB).recordFailure(guess);
            }
            assertThat(onA.isThrottled(guess)).isTrue();
            assertThat(onB.isThrottled(guess)).isTrue();
            // another user from elsewhere is not held back
            assertThat(onB.isThrottled(new LoginThrottle.Attempt("lee", "198.51.100.2", null)))
                    .isFalse();

            // a success on node B forgives the pair on node A too
            onB.recordSuccess(guess);
            assertThat(onA.isThrottled(guess)).isFalse();

            for (int i = 0; i < 3; i++) {
                assertThat((i % 2 == 0 ? onA : onB).mayRegister("192.0.2.9")).isTrue();
                (i % 2 == 0 ? onA : onB).recordRegistration("192.0.2.9");
            }
            assertThat(onA.mayRegister("192.0.2.9")).isFalse();
            assertThat(onB.mayRegister("192.0.2.9")).isFalse();
        }
    }
}
