package org.openplaza;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;

/** The module with what it builds on: real H2, migrations applied, method security on. */
@SpringBootApplication
@EnableMethodSecurity
public class CatalogTestApplication {}
