package org.openplaza.portal.config;

import org.openplaza.datastore.DatasetStore;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Part of {@code /actuator/health}, which a load balancer asks each node: on a cluster, a node
 * whose shared directory of dataset versions is gone or read-only is down, so that no request is
 * sent where every table, chart and download would fail.
 */
@Component
class DatasetStoreHealth implements HealthIndicator {

    private final DatasetStore store;

    DatasetStoreHealth(DatasetStore store) {
        this.store = store;
    }

    @Override
    public Health health() {
        return store.sharedDirectoryUsable()
                ? Health.up().build()
                : Health.down().build();
    }
}
