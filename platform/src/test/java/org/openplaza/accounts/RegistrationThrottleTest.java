package org.openplaza.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.annotation.Transactional;

/** Scripted sign-ups: one network address registers a few accounts an hour (three here), and no more. */
@SpringBootTest(properties = "openplaza.accounts.registrations-per-address=3")
@Transactional
class RegistrationThrottleTest {

    static final String GOOD_PASSWORD = AccountServiceTest.GOOD_PASSWORD;

    @Autowired
    AccountService accounts;

    @Autowired
    AccountRepository repository;

    @Test
    void one_network_address_registers_a_few_accounts_an_hour_and_no_more() {
        String address = "198.51.100." + (System.nanoTime() % 200 + 1);
        var request = new org.springframework.mock.web.MockHttpServletRequest();
        request.setRemoteAddr(address);
        org.springframework.web.context.request.RequestContextHolder.setRequestAttributes(
                new org.springframework.web.context.request.ServletRequestAttributes(request));
        try {
            for (int i = 1; i <= 3; i++) {
                accounts.register(new Registration(
                        "script" + address.replace('.', '-') + "-" + i,
                        "Script " + i,
                        "s" + i + "@example.org",
                        GOOD_PASSWORD));
            }
            assertThatThrownBy(() -> accounts.register(
                            new Registration("script-six", "Script 6", "s6@example.org", GOOD_PASSWORD)))
                    .isInstanceOfSatisfying(
                            AccountException.class,
                            e -> assertThat(e.messageKey()).isEqualTo("account.error.registrations-throttled"));
            assertThat(repository.findByUsername("script-six")).isEmpty();
            request.setRemoteAddr("203.0.113.200");
            assertThat(accounts.register(
                                    new Registration("from-elsewhere", "Elsewhere", "e@example.org", GOOD_PASSWORD))
                            .username())
                    .isEqualTo("from-elsewhere");
        } finally {
            org.springframework.web.context.request.RequestContextHolder.resetRequestAttributes();
        }
    }
}
