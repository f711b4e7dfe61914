package org.openplaza.portal.publish;

import org.openplaza.catalog.OrphanSweep;
import org.openplaza.platform.RunAs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes what stopped imports left behind ({@link OrphanSweep}): shortly after start, then every
 * {@code openplaza.catalog.sweep-every} (an hour by default). Unlike the other jobs it runs on every
 * node of a cluster, without a lock: each node's staging tables are its own, and shared files are
 * judged only once they are older than a load could be.
 */
@Component
class OrphanSweeping {

    private static final Logger log = LoggerFactory.getLogger(OrphanSweeping.class);

    private final OrphanSweep sweep;
    private final RunAs runAs;

    OrphanSweeping(OrphanSweep sweep, RunAs runAs) {
        this.sweep = sweep;
        this.runAs = runAs;
    }

    @Scheduled(fixedDelayString = "${openplaza.catalog.sweep-every:PT1H}", initialDelayString = "PT20S")
    void sweep() {
        try {
            runAs.run(org.openplaza.platform.SystemIdentity.job(), sweep::sweep);
        } catch (Exception e) {
            log.error("What stopped imports left behind could not be removed", e);
        }
    }
}
