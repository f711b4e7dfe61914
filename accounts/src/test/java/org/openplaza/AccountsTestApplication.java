package org.openplaza;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;

/** The accounts module on its own: real H2, migrations applied, method security on. */
@SpringBootApplication
@EnableMethodSecurity
public class AccountsTestApplication {}
