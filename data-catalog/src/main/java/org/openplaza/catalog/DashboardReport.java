package org.openplaza.catalog;

import java.time.Instant;

/** An open report on a dashboard, as administrators see it in their queue. */
public record DashboardReport(
        long id, long dashboardId, String title, String author, String reporter, String reason, Instant reportedAt) {}
