package org.openplaza.portal.dashboards;

import com.vaadin.flow.component.Component;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.openplaza.catalog.Dashboard;
import org.openplaza.catalog.DashboardService;
import org.openplaza.catalog.FigureAlerts;
import org.openplaza.platform.RunAs;

/** Makes the live grids of dashboards' tiles, with what they need to draw, redraw and alert. */
@org.springframework.stereotype.Component
public class DashboardGrids {

    final DashboardService dashboards;
    final LiveDatasets live;
    final RunAs runAs;
    final FigureAlerts alerts;
    final VisitorDraws visitorDraws;

    DashboardGrids(
            DashboardService dashboards,
            LiveDatasets live,
            RunAs runAs,
            FigureAlerts alerts,
            VisitorDraws visitorDraws) {
        this.visitorDraws = visitorDraws;
        this.dashboards = dashboards;
        this.live = live;
        this.runAs = runAs;
        this.alerts = alerts;
    }

    /** A dashboard's grid; {@code controls} adds its owner's tools to each tile, when given. */
    public DashboardGrid grid(Dashboard dashboard, @Nullable Function<Dashboard.Tile, Component> controls) {
        return new DashboardGrid(this, dashboard, controls);
    }
}
