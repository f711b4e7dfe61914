package org.openplaza;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.theme.Theme;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** OpenPlaza: open government data and participation in one portal. */
@SpringBootApplication
@org.springframework.scheduling.annotation.EnableScheduling
@Theme("openplaza")
@Meta(name = "description", content = "OpenPlaza: open government data, visualisations, proposals and votes")
public class OpenPlazaApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(OpenPlazaApplication.class, args);
    }
}
