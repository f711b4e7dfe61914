package org.openplaza.portal.dashboards;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;
import org.openplaza.catalog.Dashboard;
import org.openplaza.catalog.DashboardService;
import org.openplaza.catalog.DrawnTile;
import org.springframework.stereotype.Component;

/**
 * Tiles drawn for visitors who are not signed in, shared by every such visitor's open dashboard
 * and embed on this node: when a dataset changes, each of its tiles is drawn once for all of them,
 * not once for each screen (the home page's city at a glance may be open in thousands). A drawing
 * is kept until its dataset next changes, and at most ten seconds, so that what does not change
 * the dataset (a chart an administrator hides, a tile its owner changes) reaches visitors within
 * them. Signed-in readers, who may see drafts or hidden charts of their own, are drawn for alone.
 */
@Component
public class VisitorDraws {

    /** The longest a drawing is shown to visitors without being made again. */
    static final Duration KEPT = Duration.ofSeconds(10);

    private record Key(Dashboard.Tile tile, long generation) {}

    private final DashboardService dashboards;
    private final LiveDatasets live;
    private final Cache<Key, DrawnTile> drawn =
            Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(KEPT).build();
    private final LongAdder made = new LongAdder();

    VisitorDraws(DashboardService dashboards, LiveDatasets live) {
        this.dashboards = dashboards;
        this.live = live;
    }

    /** The tile as a visitor sees it now; the caller draws as a visitor. */
    public DrawnTile draw(Dashboard.Tile tile) {
        return drawn.get(new Key(tile, live.generation(tile.datasetId())), key -> {
            made.increment();
            return dashboards.draw(tile);
        });
    }

    /** How many drawings this node has made for visitors. */
    long made() {
        return made.sum();
    }
}
