package org.openplaza.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(properties = "openplaza.accounts.registrations-per-address=1000")
@ActiveProfiles("demo")
class DemoAccountsTest {

    @Autowired
    AccountRepository repository;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    DemoAccounts demo;

    @Test
    void the_demo_profile_seeds_one_account_per_role_with_the_listed_passwords() {
        for (DemoAccounts.DemoAccount listed : DemoAccounts.ACCOUNTS) {
            AccountRepository.Credentials stored =
                    repository.findCredentials(listed.username()).orElseThrow();
            assertThat(stored.account().roles()).contains(listed.role());
            assertThat(stored.account().verifiedResident()).isEqualTo(listed.verified());
            assertThat(passwordEncoder.matches(listed.password(), stored.passwordHash()))
                    .isTrue();
        }
        assertThat(DemoAccounts.ACCOUNTS)
                .extracting(DemoAccounts.DemoAccount::role)
                .contains(Role.values());
    }

    @Test
    void seeding_again_on_the_next_start_changes_nothing() throws Exception {
        int before = repository.count("");
        demo.run(null);
        assertThat(repository.count("")).isEqualTo(before);
    }
}
