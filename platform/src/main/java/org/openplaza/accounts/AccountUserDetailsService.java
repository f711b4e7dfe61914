package org.openplaza.accounts;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads accounts for Spring Security's sign-in; usernames are matched case-insensitively. A hash
 * made with an older scheme is replaced at sign-in by one of the current scheme, of the password
 * just checked.
 */
@Component
class AccountUserDetailsService implements UserDetailsService, UserDetailsPasswordService {

    private final AccountRepository repository;

    AccountUserDetailsService(AccountRepository repository) {
        this.repository = repository;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        AccountRepository.Credentials credentials = repository
                .findCredentials(AccountService.normaliseUsername(username))
                .orElseThrow(() -> new UsernameNotFoundException("no such account"));
        Account account = credentials.account();
        return User.withUsername(account.username())
                .password(credentials.passwordHash())
                .disabled(!account.enabled())
                .authorities(account.roles().stream().map(Role::authority).toArray(String[]::new))
                .build();
    }

    @Override
    @Transactional
    public UserDetails updatePassword(UserDetails user, String newPassword) {
        repository.rehashPassword(user.getUsername(), newPassword);
        return User.withUserDetails(user).password(newPassword).build();
    }
}
