package org.openplaza.portal.security;

import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategyConfiguration;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import jakarta.servlet.DispatcherType;
import org.openplaza.accounts.AccountAccessChanged;
import org.openplaza.accounts.SecondFactorAuthenticationProvider;
import org.openplaza.accounts.SecondFactorRequired;
import org.openplaza.accounts.SecondFactors;
import org.openplaza.accounts.SignInThrottledException;
import org.openplaza.portal.account.LoginView;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.session.HttpSessionEventPublisher;

/**
 * Spring Security with Vaadin's integration. Views declare who may open them; service methods check
 * again with {@code @PreAuthorize}, so hiding a button is never the only guard.
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity
@Import(VaadinAwareSecurityContextHolderStrategyConfiguration.class)
class SecurityConfiguration {

    /**
     * Everything from the portal itself and nowhere else: no script, style, image, font or
     * connection from another origin, no plugin, no form posted elsewhere, no base address moved,
     * and no framing. Vaadin needs inline and evaluated script and inline style to start its
     * client (see its documentation on CSP); charts draw on canvases and are saved as data and
     * blob addresses.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval';"
            + " style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:;"
            + " connect-src 'self'; media-src 'self'; worker-src 'self' blob:; manifest-src 'self';"
            + " object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    static final String LOGIN_FAILED_URL = "/login?error";
    static final String LOGIN_THROTTLED_URL = "/login?throttled";

    @Bean
    SecurityFilterChain securityFilterChain(
            HttpSecurity http,
            SessionRegistry sessions,
            java.time.Clock clock,
            @org.springframework.beans.factory.annotation.Value("${openplaza.security.session-absolute-timeout:PT12H}")
                    java.time.Duration absoluteTimeout,
            SecondFactors secondFactors,
            ApplicationEventPublisher events,
            AuthenticationEventPublisher authenticationEvents,
            @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
                    org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping controllers)
            throws Exception {
        // an error page is shown to whoever got the error: never a redirect to the sign-in page
        http.authorizeHttpRequests(requests -> requests.dispatcherTypeMatchers(DispatcherType.ERROR)
                .permitAll()
                .requestMatchers(
                        "/images/**",
                        "/icons/**",
                        "/webjars/**",
                        "/js/**",
                        "/download/**",
                        "/.well-known/security.txt",
                        "/actuator/health",
                        "/catalog.ttl",
                        "/catalog.jsonld",
                        "/catalog.rdf",
                        "/dataset/*.ttl",
                        "/dataset/*.jsonld",
                        "/dataset/*.rdf")
                .permitAll()
                // a mistyped address gets "Page not found", not the sign-in page
                .requestMatchers(new UnknownPages(controllers))
                .permitAll());
        // no http.authenticationProvider(...): the provider bean already backs the global
        // AuthenticationManager, and adding it here too would count every failure twice
        // the login page is named here too, before Vaadin's configurer runs, so that Spring Security
        // never enables its own generated login page
        http.formLogin(form -> form.loginPage("/login")
                .failureHandler(failureHandler())
                .authenticationDetailsSource(DeviceCookie::details));
        // Vaadin's configurer exempts the sign-in from CSRF tokens: it is checked by origin instead
        http.addFilterBefore(new LoginOriginFilter("/login"), UsernamePasswordAuthenticationFilter.class);
        // a session signed in longer ago than the absolute limit is ended before it is read
        http.addFilterBefore(
                new AbsoluteSessionTimeout(clock, absoluteTimeout),
                org.springframework.security.web.context.SecurityContextHolderFilter.class);
        http.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId())
                .maximumSessions(-1)
                .sessionRegistry(sessions)
                .expiredUrl("/"));
        // no page may be framed but the embeds, which have a filter chain of their own
        http.headers(headers -> headers.frameOptions(frame -> frame.deny())
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .contentTypeOptions(options -> {})
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class));
        // the code after the password, for those who give one: its own filter, after the form's
        http.with(
                new SecondFactorStep.Configurer(
                        new SecondFactorAuthenticationProvider(secondFactors, events, clock),
                        authenticationEvents,
                        clock),
                step -> {});
        return http.build();
    }

    /** After Spring Security (order -100), before Vaadin: a denied page's first load answers 403. */
    @Bean
    org.springframework.boot.web.servlet.FilterRegistrationBean<DeniedRouteStatus> deniedRouteStatus() {
        var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(new DeniedRouteStatus());
        registration.setOrder(0);
        return registration;
    }

    /**
     * A right password that needs a code goes on to the code page; a throttled sign-in gets its own
     * message; every other failure the same generic one.
     */
    private static AuthenticationFailureHandler failureHandler() {
        return (request, response, exception) -> {
            if (exception instanceof SecondFactorRequired required) {
                SecondFactorStep.begin(request, response, required);
                return;
            }
            response.sendRedirect(request.getContextPath()
                    + (exception instanceof SignInThrottledException ? LOGIN_THROTTLED_URL : LOGIN_FAILED_URL));
        };
    }

    @Bean
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }

    @Bean
    HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }

    /**
     * Ends a user's open sessions when an administrator changes their roles or disables them, on
     * this node at once and on every other node of a cluster when it hears of the change.
     */
    @Bean
    SessionExpiry sessionExpiry(SessionRegistry sessions) {
        return new SessionExpiry(sessions);
    }

    record SessionExpiry(SessionRegistry sessions) {
        @EventListener
        public void accessChanged(AccountAccessChanged event) {
            endAll(event.username());
        }

        @EventListener
        public void changedElsewhere(org.openplaza.platform.Changed changed) {
            if (!changed.here() && changed.topic().equals(org.openplaza.accounts.AccountChanges.ACCESS)) {
                endAll(changed.subject());
            }
        }

        void endAll(String username) {
            for (Object principal : sessions.getAllPrincipals()) {
                if (principal instanceof UserDetails user && user.getUsername().equals(username)) {
                    sessions.getAllSessions(principal, false).forEach(SessionInformation::expireNow);
                }
            }
        }
    }
}
