package org.openplaza.accounts;

import java.time.Clock;
import java.util.EnumSet;
import org.openplaza.audit.Audited;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Profile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * In production nothing is seeded: when no enabled administrator exists, the first one is created
 * from configuration (environment variables) and must change the password at first sign-in.
 */
@Component
@Profile("prod")
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final AccountRepository repository;
    private final AccountsProperties properties;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final org.openplaza.platform.ClusterLock lock;
    private final org.springframework.transaction.support.TransactionTemplate transactions;

    AdminBootstrap(
            AccountRepository repository,
            AccountsProperties properties,
            PasswordEncoder passwordEncoder,
            ApplicationEventPublisher events,
            Clock clock,
            org.openplaza.platform.ClusterLock lock,
            org.springframework.transaction.PlatformTransactionManager transactionManager) {
        this.lock = lock;
        this.transactions = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
        this.repository = repository;
        this.properties = properties;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
        this.clock = clock;
    }

    /**
     * On one node at a time, in one transaction committed before the next node looks: nodes
     * starting together make one administrator.
     */
    @Override
    public void run(ApplicationArguments args) throws Exception {
        lock.whileHolding(
                org.openplaza.platform.ClusterLock.SEEDING,
                org.openplaza.platform.ClusterLock.SEEDING_AT_MOST,
                () -> transactions.executeWithoutResult(status -> bootstrap()));
    }

    private void bootstrap() {
        if (repository.anyEnabledWithRole(Role.ADMIN)) {
            return;
        }
        AccountsProperties.BootstrapAdmin admin = properties.bootstrapAdmin();
        String username = admin.username();
        String password = admin.password();
        String email = admin.email();
        if (username == null || password == null || email == null || password.isBlank()) {
            throw new IllegalStateException("No administrator exists. Set OPENPLAZA_ACCOUNTS_BOOTSTRAP_ADMIN_USERNAME,"
                    + " OPENPLAZA_ACCOUNTS_BOOTSTRAP_ADMIN_PASSWORD and OPENPLAZA_ACCOUNTS_BOOTSTRAP_ADMIN_EMAIL"
                    + " to create the first one.");
        }
        String normalised = AccountService.normaliseUsername(username);
        if (!AccountService.USERNAME.matcher(normalised).matches()) {
            throw new IllegalStateException("The bootstrap administrator's username is not valid: " + username);
        }
        repository.insert(
                normalised,
                normalised,
                AccountService.normaliseEmail(email),
                passwordEncoder.encode(password),
                EnumSet.of(Role.ADMIN),
                true,
                clock.instant());
        events.publishEvent(new Audited(Audited.SYSTEM, "ADMIN_BOOTSTRAPPED", "account", normalised, null, null));
        log.info("Created the first administrator '{}'; the password must be changed at first sign-in", normalised);
    }
}
