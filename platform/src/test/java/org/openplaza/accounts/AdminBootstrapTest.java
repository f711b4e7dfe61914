package org.openplaza.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.openplaza.PlatformTestApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the application in the prod profile, as a deployment would, on a fresh database each time. */
class AdminBootstrapTest {

    private static ConfigurableApplicationContext start(String... properties) {
        SpringApplication app = new SpringApplicationBuilder(PlatformTestApplication.class)
                .web(WebApplicationType.NONE)
                .profiles("prod")
                .properties("spring.datasource.url=jdbc:h2:mem:bootstrap-" + System.nanoTime())
                .properties(properties)
                .build();
        return app.run();
    }

    @Test
    void the_first_administrator_is_created_from_configuration_and_must_change_the_password() {
        try (ConfigurableApplicationContext context = start(
                "openplaza.accounts.bootstrap-admin.username=Chief",
                "openplaza.accounts.bootstrap-admin.password=first-start-secret",
                "openplaza.accounts.bootstrap-admin.email=chief@city.example")) {
            AccountRepository repository = context.getBean(AccountRepository.class);
            Account chief = repository.findByUsername("chief").orElseThrow();
            assertThat(chief.roles()).containsExactly(Role.ADMIN);
            assertThat(chief.mustChangePassword()).isTrue();
            assertThat(repository.count("")).isEqualTo(1);
            assertThat(context.containsBean("demoAccounts")).isFalse();
        }
    }

    @Test
    void without_an_administrator_and_without_configuration_the_portal_refuses_to_start() {
        assertThatThrownBy(AdminBootstrapTest::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("OPENPLAZA_ACCOUNTS_BOOTSTRAP_ADMIN_PASSWORD");
    }
}
