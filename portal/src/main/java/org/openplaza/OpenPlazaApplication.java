package org.openplaza;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.theme.Theme;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** OpenPlaza: open government data and participation in one portal. */
@SpringBootApplication
@org.springframework.scheduling.annotation.EnableScheduling
// a job that holds a lock of the cluster (accounts.job_lock) runs on one node at a time
@net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock(
        interceptMode = net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock.InterceptMode.PROXY_SCHEDULER,
        defaultLockAtMostFor = "PT30M")
@Theme("openplaza")
// dashboards redraw while they are watched: the server pushes to the browser (WebSocket, or long
// polling where a proxy refuses it)
@com.vaadin.flow.component.page.Push
@Meta(name = "description", content = "OpenPlaza: open government data, visualisations, proposals and votes")
public class OpenPlazaApplication implements AppShellConfigurator {

    /** The portal's icon in browser tabs and bookmarks. */
    @Override
    public void configurePage(com.vaadin.flow.server.AppShellSettings settings) {
        settings.addFavIcon("icon", "icons/icon.svg", "any");
    }

    public static void main(String[] args) {
        SpringApplication.run(OpenPlazaApplication.class, args);
    }
}
