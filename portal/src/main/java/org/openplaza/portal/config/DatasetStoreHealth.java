package org.openplaza.portal.config;

import java.util.function.BooleanSupplier;
import org.openplaza.catalog.DatasetReader;
import org.springframework.beans.factory.annotation.Autowired;
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

    private final BooleanSupplier usable;

    @Autowired
    DatasetStoreHealth(DatasetReader reader) {
        this(reader::storeUsable);
    }

    DatasetStoreHealth(BooleanSupplier usable) {
        this.usable = usable;
    }

    @Override
    public Health health() {
        return usable.getAsBoolean() ? Health.up().build() : Health.down().build();
    }
}
