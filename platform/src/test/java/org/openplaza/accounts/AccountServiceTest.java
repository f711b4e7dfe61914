package org.openplaza.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openplaza.audit.AuditEvent;
import org.openplaza.audit.AuditService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.annotation.Transactional;

@SpringBootTest(properties = "openplaza.accounts.registrations-per-address=1000")
@Transactional
class AccountServiceTest {

    static final String GOOD_PASSWORD = "violet harbour lantern sings";

    @Autowired
    AccountService accounts;

    @Autowired
    AccountRepository repository;

    @Autowired
    AuditService audit;

    @Autowired
    PasswordEncoder passwordEncoder;

    long adminId;

    @BeforeEach
    void an_administrator_named_root_exists() {
        adminId = repository.insert(
                "root",
                "Root",
                "root@example.org",
                passwordEncoder.encode(GOOD_PASSWORD),
                EnumSet.of(Role.ADMIN),
                false,
                java.time.Instant.now());
    }

    private Account registerKim() {
        return accounts.register(new Registration(" Kim.MinJi ", "Kim Min-ji", "Kim@Example.org", GOOD_PASSWORD));
    }

    @Test
    void registration_creates_an_unverified_citizen_with_normalised_username_and_email() {
        Account kim = registerKim();
        assertThat(kim.username()).isEqualTo("kim.minji");
        assertThat(kim.email()).isEqualTo("kim@example.org");
        assertThat(kim.roles()).containsExactly(Role.CITIZEN);
        assertThat(kim.verifiedResident()).isFalse();
        assertThat(kim.enabled()).isTrue();
    }

    @Test
    void the_password_is_stored_only_as_an_argon2id_hash() {
        registerKim();
        String hash = repository.findCredentials("kim.minji").orElseThrow().passwordHash();
        assertThat(hash).startsWith("{argon2}$argon2id$").doesNotContain(GOOD_PASSWORD);
        assertThat(passwordEncoder.matches(GOOD_PASSWORD, hash)).isTrue();
    }

    @Test
    void the_names_of_the_portal_itself_and_of_anonymous_visitors_are_refused() {
        for (String reserved : java.util.List.of("OpenPlaza", "system", "anonymous")) {
            assertThatThrownBy(() -> accounts.register(
                            new Registration(reserved, "Impostor", reserved + "@example.org", GOOD_PASSWORD)))
                    .isInstanceOfSatisfying(
                            AccountException.class,
                            e -> assertThat(e.messageKey()).isEqualTo("account.error.username-taken"));
        }
    }

    @Test
    void a_taken_username_is_refused_whatever_its_case() {
        registerKim();
        assertThatThrownBy(() -> accounts.register(
                        new Registration("KIM.MINJI", "Another Kim", "other@example.org", GOOD_PASSWORD)))
                .isInstanceOfSatisfying(AccountException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("account.error.username-taken");
                    assertThat(e.field()).isEqualTo("username");
                });
    }

    @Test
    void every_fields_problem_is_reported_at_once_and_nothing_is_made() {
        registerKim();
        Registration wrong = new Registration("kim.minji", " ", "not an address", "password");
        assertThat(accounts.problems(wrong))
                .containsExactly(
                        java.util.Map.entry("username", "account.error.username-taken"),
                        java.util.Map.entry("displayName", "account.error.display-name-invalid"),
                        java.util.Map.entry("email", "account.error.email-invalid"),
                        java.util.Map.entry("password", "password.error.too-short"));
        assertThatThrownBy(() -> accounts.register(wrong))
                .isInstanceOfSatisfying(
                        AccountException.class,
                        e -> assertThat(e.problems())
                                .hasSize(4)
                                .containsKeys("username", "displayName", "email", "password"));
        assertThat(accounts.problems(new Registration("new.person", "New Person", "new@example.org", GOOD_PASSWORD)))
                .isEmpty();
        assertThat(repository.findByUsername("new.person"))
                .as("checking makes nothing")
                .isEmpty();
    }

    @Test
    void a_taken_email_is_refused() {
        registerKim();
        assertThatThrownBy(() ->
                        accounts.register(new Registration("another", "Another Kim", "KIM@example.org", GOOD_PASSWORD)))
                .isInstanceOfSatisfying(
                        AccountException.class, e -> assertThat(e.messageKey()).isEqualTo("account.error.email-taken"));
    }

    @Test
    void invalid_fields_are_refused_with_the_field_named() {
        assertThatThrownBy(() -> accounts.register(new Registration("a", "A", "a@example.org", GOOD_PASSWORD)))
                .isInstanceOfSatisfying(
                        AccountException.class, e -> assertThat(e.field()).isEqualTo("username"));
        assertThatThrownBy(() -> accounts.register(new Registration("a-name", "  ", "a@example.org", GOOD_PASSWORD)))
                .isInstanceOfSatisfying(
                        AccountException.class, e -> assertThat(e.field()).isEqualTo("displayName"));
        assertThatThrownBy(() -> accounts.register(new Registration("a-name", "A", "not-an-email", GOOD_PASSWORD)))
                .isInstanceOfSatisfying(
                        AccountException.class, e -> assertThat(e.field()).isEqualTo("email"));
        assertThatThrownBy(() -> accounts.register(new Registration("a-name", "A", "a@example.org", "short")))
                .isInstanceOfSatisfying(AccountException.class, e -> {
                    assertThat(e.field()).isEqualTo("password");
                    assertThat(e.messageKey()).isEqualTo("password.error.too-short");
                });
        assertThat(repository.count("a-name")).isZero();
    }

    @Test
    @WithMockUser(username = "root", roles = "ADMIN")
    void registration_is_written_to_the_audit_log() {
        registerKim();
        assertThat(audit.search("kim.minji", 0, 10))
                .extracting(AuditEvent::eventType)
                .contains("ACCOUNT_REGISTERED");
    }

    @Test
    @WithMockUser(username = "kim.minji", roles = "CITIZEN")
    void a_citizen_cannot_call_administration_methods() {
        Account kim = registerKim();
        assertThatThrownBy(() -> accounts.changeRoles(kim.id(), Set.of(Role.ADMIN)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> accounts.setVerifiedResident(kim.id(), true))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> accounts.setEnabled(adminId, false)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> accounts.search("", 0, 10)).isInstanceOf(AccessDeniedException.class);
        assertThat(repository.findById(kim.id()).orElseThrow().roles()).containsExactly(Role.CITIZEN);
    }

    @Autowired
    TrustedDevices devices;

    @Test
    void an_anonymous_caller_cannot_change_a_password() {
        assertThatThrownBy(() -> accounts.changePassword(GOOD_PASSWORD, "another long passphrase here"))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    @Test
    @WithMockUser(username = "root", roles = "ADMIN")
    void an_administrator_changes_roles_and_the_change_is_audited() {
        Account kim = registerKim();
        Account changed = accounts.changeRoles(kim.id(), Set.of(Role.CITIZEN, Role.OFFICIAL));
        assertThat(changed.roles()).containsExactlyInAnyOrder(Role.CITIZEN, Role.OFFICIAL);
        assertThat(audit.search("ROLES_CHANGED", 0, 10)).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("root");
            assertThat(e.objectId()).isEqualTo("kim.minji");
            assertThat(e.detail())
                    .as("the roles as the portal's terms, read in each administrator's language")
                    .isEqualTo(org.openplaza.audit.AuditDetail.of(
                            "roles-changed",
                            org.openplaza.audit.AuditDetail.terms(List.of("role.CITIZEN")),
                            org.openplaza.audit.AuditDetail.terms(List.of("role.CITIZEN", "role.OFFICIAL"))));
            assertThat(org.openplaza.audit.AuditDetail.parse(e.detail()).orElseThrow().args().stream()
                            .map(org.openplaza.audit.AuditDetail::termKeys))
                    .containsExactly(List.of("role.CITIZEN"), List.of("role.CITIZEN", "role.OFFICIAL"));
        });
    }

    @Test
    @WithMockUser(username = "root", roles = "ADMIN")
    void an_administrator_cannot_remove_their_own_admin_role_nor_disable_themselves() {
        assertThatThrownBy(() -> accounts.changeRoles(adminId, Set.of(Role.CITIZEN)))
                .isInstanceOfSatisfying(
                        AccountException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("account.error.own-admin-role"));
        assertThatThrownBy(() -> accounts.setEnabled(adminId, false)).isInstanceOf(AccountException.class);
        assertThat(repository.findById(adminId).orElseThrow().roles()).containsExactly(Role.ADMIN);
    }

    @Test
    @WithMockUser(username = "root", roles = "ADMIN")
    void an_account_needs_at_least_one_role() {
        Account kim = registerKim();
        assertThatThrownBy(() -> accounts.changeRoles(kim.id(), Set.of())).isInstanceOf(AccountException.class);
    }

    @Test
    @WithMockUser(username = "root", roles = "ADMIN")
    void verifying_a_resident_records_when() {
        Account kim = registerKim();
        Account verified = accounts.setVerifiedResident(kim.id(), true);
        assertThat(verified.verifiedResident()).isTrue();
        assertThat(verified.verifiedAt()).isNotNull();
        Account undone = accounts.setVerifiedResident(kim.id(), false);
        assertThat(undone.verifiedResident()).isFalse();
        assertThat(undone.verifiedAt()).isNull();
    }

    @Test
    @WithMockUser(username = "root", roles = "ADMIN")
    void search_matches_username_name_or_email() {
        registerKim();
        assertThat(accounts.search("min-ji", 0, 10))
                .extracting(Account::username)
                .containsExactly("kim.minji");
        assertThat(accounts.search("EXAMPLE.ORG", 0, 10)).hasSize(2);
        assertThat(accounts.count("example.org")).isEqualTo(2);
    }

    @Test
    @WithMockUser(username = "root", roles = "ADMIN")
    void changing_the_password_requires_the_current_one_and_a_good_new_one() {
        assertThatThrownBy(() -> accounts.changePassword("wrong current password", "tangerine rooftop whistle"))
                .isInstanceOfSatisfying(
                        AccountException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("password.error.current-wrong"));
        assertThatThrownBy(() -> accounts.changePassword(GOOD_PASSWORD, "passwordpassword"))
                .isInstanceOfSatisfying(
                        AccountException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("password.error.too-guessable"));
        String browser = devices.issue("root").orElseThrow();
        assertThat(devices.recognise("root", browser)).isPresent();
        accounts.changePassword(GOOD_PASSWORD, "tangerine rooftop whistle");
        String hash = repository.findCredentials("root").orElseThrow().passwordHash();
        assertThat(passwordEncoder.matches("tangerine rooftop whistle", hash)).isTrue();
        assertThat(devices.recognise("root", browser))
                .as("browsers trusted under the old password are forgotten")
                .isEmpty();
    }

    @Test
    @WithMockUser(username = "root", roles = "ADMIN")
    void the_preferred_language_is_remembered_and_limited_to_supported_ones() {
        accounts.setPreferredLanguage("ko");
        assertThat(accounts.current().orElseThrow().preferredLanguage()).isEqualTo("ko");
        assertThatThrownBy(() -> accounts.setPreferredLanguage("xx")).isInstanceOf(AccountException.class);
    }
}
