package org.openplaza;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;

/** The platform module on its own (accounts, audit log, shared parts): real H2, migrations applied, method security on. */
@SpringBootApplication
@EnableMethodSecurity
public class PlatformTestApplication {}
