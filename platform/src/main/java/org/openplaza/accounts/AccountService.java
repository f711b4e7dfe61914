package org.openplaza.accounts;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.openplaza.audit.Audited;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registration, a user's own account, and the administration of accounts. */
@Service
public class AccountService {

    static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,31}");

    /** Names no account may take: the portal's own jobs, and the audit log's other actors. */
    static final java.util.Set<String> RESERVED = java.util.Set.of(
            org.openplaza.platform.SystemIdentity.NAME,
            org.openplaza.audit.Audited.SYSTEM,
            org.openplaza.audit.Audited.ANONYMOUS);

    static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    static final int DISPLAY_NAME_MAX = 80;
    static final int EMAIL_MAX = 254;
    static final Set<String> LANGUAGES = Set.of("en", "ko");

    private final AccountRepository repository;
    private final PasswordPolicy passwordPolicy;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final org.openplaza.accounts.LoginThrottle throttle;

    AccountService(
            AccountRepository repository,
            PasswordPolicy passwordPolicy,
            PasswordEncoder passwordEncoder,
            ApplicationEventPublisher events,
            Clock clock,
            org.openplaza.accounts.LoginThrottle throttle) {
        this.throttle = throttle;
        this.repository = repository;
        this.passwordPolicy = passwordPolicy;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
        this.clock = clock;
    }

    /** A visitor registers as a citizen. Every field is checked here, whatever the form did. */
    @PreAuthorize("permitAll()")
    @Transactional
    public Account register(Registration registration) {
        String address = Audited.currentRemoteAddress();
        if (address != null && !throttle.mayRegister(address)) {
            // scripted sign-ups: a few accounts an hour per network address
            throw new AccountException("username", "account.error.registrations-throttled");
        }
        java.util.Map<String, String> problems = problems(registration);
        if (!problems.isEmpty()) {
            throw new AccountException(problems);
        }
        String username = normaliseUsername(registration.username());
        String displayName = registration.displayName().strip();
        String email = normaliseEmail(registration.email());
        long id = repository.insert(
                username,
                displayName,
                email,
                passwordEncoder.encode(registration.password()),
                EnumSet.of(Role.CITIZEN),
                false,
                clock.instant());
        events.publishEvent(new Audited(username, "ACCOUNT_REGISTERED", "account", username, null, address));
        if (address != null) {
            throttle.recordRegistration(address);
        }
        return repository.findById(id).orElseThrow();
    }

    /**
     * Every problem of a registration at once, by field ({@code username}, {@code displayName},
     * {@code email}, {@code password}) with its message key; empty when the account could be
     * made (a username or address taken in the meantime is still refused by the database).
     */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public java.util.Map<String, String> problems(Registration registration) {
        java.util.Map<String, String> problems = new java.util.LinkedHashMap<>();
        String username = normaliseUsername(registration.username());
        if (!USERNAME.matcher(username).matches()) {
            problems.put("username", "account.error.username-invalid");
        } else if (RESERVED.contains(username)
                || repository.findByUsername(username).isPresent()) {
            // reserved: the names the audit log gives the portal itself and anonymous visitors
            problems.put("username", "account.error.username-taken");
        }
        String displayName = registration.displayName().strip();
        if (displayName.isEmpty() || displayName.length() > DISPLAY_NAME_MAX) {
            problems.put("displayName", "account.error.display-name-invalid");
        }
        String email = normaliseEmail(registration.email());
        if (email.length() > EMAIL_MAX || !EMAIL.matcher(email).matches()) {
            problems.put("email", "account.error.email-invalid");
        }
        passwordPolicy
                .check(registration.password(), List.of(username, displayName, email))
                .ifPresent(key -> problems.put("password", key));
        return problems;
    }

    /** The signed-in user's own account. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Optional<Account> current() {
        return repository.findByUsername(Audited.currentActor());
    }

    /** The signed-in user changes their password, proving they know the current one. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void changePassword(String currentPassword, String newPassword) {
        AccountRepository.Credentials credentials = repository
                .findCredentials(Audited.currentActor())
                .orElseThrow(() -> new AccountException("account.error.not-found"));
        if (!passwordEncoder.matches(currentPassword, credentials.passwordHash())) {
            throw new AccountException("currentPassword", "password.error.current-wrong");
        }
        if (passwordEncoder.matches(newPassword, credentials.passwordHash())) {
            throw new AccountException("newPassword", "password.error.unchanged");
        }
        Account account = credentials.account();
        passwordPolicy
                .check(newPassword, List.of(account.username(), account.displayName(), account.email()))
                .ifPresent(key -> {
                    throw new AccountException("newPassword", key);
                });
        repository.setPassword(account.id(), passwordEncoder.encode(newPassword), false);
        events.publishEvent(Audited.byCurrentUser("PASSWORD_CHANGED", "account", account.username(), null));
        events.publishEvent(new PasswordChanged(account.username()));
    }

    /** Remembers the signed-in user's language ({@code en}, {@code ko}), or forgets it with null. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void setPreferredLanguage(@Nullable String language) {
        if (language != null && !LANGUAGES.contains(language)) {
            throw new AccountException("account.error.language-unsupported");
        }
        repository
                .findByUsername(Audited.currentActor())
                .ifPresent(account -> repository.setPreferredLanguage(account.id(), language));
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<Account> search(String text, int offset, int limit) {
        return repository.search(text, Math.max(0, offset), Math.max(1, Math.min(limit, 500)));
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public int count(String text) {
        return repository.count(text);
    }

    /** An administrator sets a user's roles. Administrators cannot remove their own ADMIN role. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public Account changeRoles(long accountId, Set<Role> roles) {
        if (roles.isEmpty()) {
            throw new AccountException("roles", "account.error.roles-empty");
        }
        Account account = load(accountId);
        if (isSelf(account) && account.has(Role.ADMIN) && !roles.contains(Role.ADMIN)) {
            throw new AccountException("roles", "account.error.own-admin-role");
        }
        repository.replaceRoles(accountId, EnumSet.copyOf(roles));
        events.publishEvent(Audited.byCurrentUser(
                "ROLES_CHANGED",
                "account",
                account.username(),
                org.openplaza.audit.AuditDetail.of("roles-changed", names(account.roles()), names(roles))));
        events.publishEvent(new AccountAccessChanged(account.username()));
        return load(accountId);
    }

    /** An administrator disables or re-enables an account; a disabled account cannot sign in. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public Account setEnabled(long accountId, boolean enabled) {
        Account account = load(accountId);
        if (isSelf(account) && !enabled) {
            throw new AccountException("account.error.disable-self");
        }
        repository.setEnabled(accountId, enabled);
        events.publishEvent(Audited.byCurrentUser(
                enabled ? "ACCOUNT_ENABLED" : "ACCOUNT_DISABLED", "account", account.username(), null));
        events.publishEvent(new AccountAccessChanged(account.username()));
        return load(accountId);
    }

    /** An administrator marks a citizen as a verified resident (voting requires it), or undoes it. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public Account setVerifiedResident(long accountId, boolean verified) {
        Account account = load(accountId);
        repository.setVerifiedResident(accountId, verified, clock.instant());
        events.publishEvent(Audited.byCurrentUser(
                verified ? "RESIDENT_VERIFIED" : "RESIDENT_UNVERIFIED", "account", account.username(), null));
        return load(accountId);
    }

    /**
     * An administrator records where a verified citizen lives and when they were born, as shown on
     * the documents they checked; votes limited to districts or to an age use it.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public Account setResidence(long accountId, @Nullable String district, @Nullable LocalDate birthDate) {
        Account account = load(accountId);
        String clean = district == null || district.isBlank() ? null : district.strip();
        if (clean != null && clean.length() > 80) {
            throw new AccountException("district", "account.error.district");
        }
        if (birthDate != null
                && (birthDate.isAfter(LocalDate.now(clock)) || birthDate.isBefore(LocalDate.of(1880, 1, 1)))) {
            throw new AccountException("birthDate", "account.error.birth-date");
        }
        repository.setResidence(accountId, clean, birthDate);
        events.publishEvent(Audited.byCurrentUser("RESIDENCE_RECORDED", "account", account.username(), clean));
        return load(accountId);
    }

    private Account load(long accountId) {
        return repository.findById(accountId).orElseThrow(() -> new AccountException("account.error.not-found"));
    }

    private static boolean isSelf(Account account) {
        return account.username().equals(Audited.currentActor());
    }

    /** The roles as terms of the portal ({@code role.CITIZEN}, …), in the roles' order. */
    private static org.openplaza.audit.AuditDetail.Term names(Set<Role> roles) {
        return org.openplaza.audit.AuditDetail.terms(
                roles.stream().sorted().map(role -> "role." + role.name()).toList());
    }

    static String normaliseUsername(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }

    static String normaliseEmail(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
