package org.openplaza.accounts;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openplaza.audit.Audited;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The demo profile's accounts, one per role plus a citizen not yet verified as a resident. Created
 * on start when missing; the home page lists them.
 */
@Component
@Profile("demo")
@Order(0)
public class DemoAccounts implements ApplicationRunner {

    /**
     * A demo account with its (public) password and, for the roles that sign in in two steps, the
     * (public) key of its authenticator app, in Base32 as the apps take it.
     */
    public record DemoAccount(
            String username,
            String password,
            String displayName,
            Role role,
            boolean verified,
            @Nullable String authenticatorKey) {}

    public static final List<DemoAccount> ACCOUNTS = List.of(
            new DemoAccount("citizen", "plaza-citizen-demo", "Kim Min-ji", Role.CITIZEN, true, null),
            new DemoAccount("newcomer", "plaza-newcomer-demo", "Tan Wei Ling", Role.CITIZEN, false, null),
            new DemoAccount(
                    "official",
                    "plaza-official-demo",
                    "Park Ji-hoon",
                    Role.OFFICIAL,
                    true,
                    "OPENPLAZADEMOOFFICIALSECONDSTEPK"),
            new DemoAccount(
                    "admin",
                    "plaza-admin-demo-key",
                    "Lee Soo-jin",
                    Role.ADMIN,
                    true,
                    "OPENPLAZADEMOADMINSECONDSTEPKEYA"));

    /** The demo official's API token, printed in the README's curl example. Demo only. */
    public static final String OFFICIAL_TOKEN = "opz_demo-official-token-for-the-readme-example";

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    private final AccountRepository repository;
    private final ApiTokenService tokens;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SecondFactors secondFactors;
    private final org.openplaza.platform.ClusterLock lock;
    private final org.springframework.transaction.support.TransactionTemplate transactions;

    DemoAccounts(
            AccountRepository repository,
            ApiTokenService tokens,
            PasswordEncoder passwordEncoder,
            ApplicationEventPublisher events,
            Clock clock,
            SecondFactors secondFactors,
            org.openplaza.platform.ClusterLock lock,
            org.springframework.transaction.PlatformTransactionManager transactionManager) {
        this.lock = lock;
        this.transactions = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
        this.repository = repository;
        this.tokens = tokens;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
        this.clock = clock;
        this.secondFactors = secondFactors;
    }

    public List<DemoAccount> accounts() {
        return ACCOUNTS;
    }

    /** On one node at a time, in one transaction, committed before the next node looks. */
    @Override
    public void run(ApplicationArguments args) throws Exception {
        lock.whileHolding(
                org.openplaza.platform.ClusterLock.SEEDING,
                org.openplaza.platform.ClusterLock.SEEDING_AT_MOST,
                () -> transactions.executeWithoutResult(status -> seed()));
    }

    private void seed() {
        for (DemoAccount demo : ACCOUNTS) {
            if (repository.findByUsername(demo.username()).isPresent()) {
                continue;
            }
            long id = repository.insert(
                    demo.username(),
                    demo.displayName(),
                    demo.username() + "@demo.openplaza.org",
                    passwordEncoder.encode(demo.password()),
                    demo.role() == Role.CITIZEN ? EnumSet.of(Role.CITIZEN) : EnumSet.of(Role.CITIZEN, demo.role()),
                    false,
                    clock.instant());
            if (demo.verified()) {
                repository.setVerifiedResident(id, true, clock.instant());
                repository.setResidence(id, "Jongno-gu", LocalDate.of(1990, 5, 17));
            }
            if (demo.authenticatorKey() != null) {
                secondFactors.seedDemo(demo.username(), demo.authenticatorKey());
            }
            if (demo.role() == Role.OFFICIAL) {
                tokens.store(demo.username(), "Demo token (README example)", OFFICIAL_TOKEN);
            }
            events.publishEvent(
                    new Audited(Audited.SYSTEM, "DEMO_ACCOUNT_CREATED", "account", demo.username(), null, null));
            log.info("Demo account '{}' created ({})", demo.username(), demo.role());
        }
    }
}
