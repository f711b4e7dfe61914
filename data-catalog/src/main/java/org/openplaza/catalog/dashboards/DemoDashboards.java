package org.openplaza.catalog.dashboards;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openplaza.catalog.DashboardService;
import org.openplaza.catalog.DatasetReader;
import org.openplaza.catalog.GroupRequest;
import org.openplaza.catalog.KeyFigure;
import org.openplaza.catalog.StoreColumn;
import org.openplaza.catalog.ValueType;
import org.openplaza.catalog.VisualisationService;
import org.openplaza.catalog.VisualisationSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo profile's city at a glance: a dashboard of key figures and a chart of the demo
 * datasets, composed by the demo official through the real service on first start and put on the
 * home page by the demo administrator. Columns are chosen by type, as the demo charts' are.
 */
@Component
@Profile("demo")
@Order(25)
class DemoDashboards implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDashboards.class);

    private final DashboardService dashboards;
    private final VisualisationService visualisations;
    private final DatasetReader reader;
    private final TransactionTemplate transactions;
    private final org.openplaza.platform.ClusterLock lock;

    DemoDashboards(
            DashboardService dashboards,
            VisualisationService visualisations,
            DatasetReader reader,
            PlatformTransactionManager transactionManager,
            org.openplaza.platform.ClusterLock lock) {
        this.dashboards = dashboards;
        this.visualisations = visualisations;
        this.reader = reader;
        this.transactions = new TransactionTemplate(transactionManager);
        this.lock = lock;
    }

    /** On one node at a time; a node that waited finds the dashboard there and skips it. */
    @Override
    public void run(ApplicationArguments args) throws Exception {
        lock.whileHolding(
                org.openplaza.platform.ClusterLock.SEEDING,
                org.openplaza.platform.ClusterLock.SEEDING_AT_MOST,
                this::seedOnce);
    }

    private void seedOnce() {
        if (as("admin", "ADMIN", dashboards::count) > 0) {
            return;
        }
        // in one transaction: a start stopped half-way leaves no dashboard, and the next seeds it
        transactions.executeWithoutResult(status -> {
            long id = as("official", "OFFICIAL", () -> {
                long dashboard = dashboards.create(
                        "The city at a glance",
                        "Rainfall, disease notifications and COVID-19 cases: the latest figures of the city's open "
                                + "data, redrawn as the data changes.");
                figure(dashboard, "rainfall-monthly-total", "Rainfall this year (mm)", null, GroupRequest.Bucket.YEAR);
                figure(
                        dashboard,
                        "covid-19-cases-by-province",
                        "Most COVID-19 cases confirmed in one province",
                        "confirmed",
                        GroupRequest.Bucket.MONTH);
                visualisations.listVisible(0, 50).stream()
                        .filter(v -> v.datasetSlug().startsWith("rainfall-monthly-total"))
                        .map(VisualisationSummary::id)
                        .findFirst()
                        .ifPresent(chart -> dashboards.addChart(dashboard, chart, true));
                return dashboard;
            });
            as("admin", "ADMIN", () -> {
                dashboards.feature(id, true);
                return id;
            });
            log.info("Demo dashboard {} composed and put on the home page", id);
        });
    }

    /**
     * A key figure of the demo dataset whose name starts so: the named column (else the last
     * column of numbers) summed, or at its maximum for cumulative counts, per period of its first
     * date column. Nothing when the dataset or its columns are missing.
     */
    private void figure(
            long dashboard, String slugPrefix, String title, @Nullable String valueName, GroupRequest.Bucket period) {
        Optional<Long> dataset = org.openplaza.catalog.publishing.DemoCatalog.datasetNamed(reader, slugPrefix);
        if (dataset.isEmpty()) {
            return;
        }
        List<StoreColumn> columns = reader.storeColumns(dataset.get());
        Optional<StoreColumn> date = columns.stream()
                .filter(c -> c.type() == ValueType.DATE || c.type() == ValueType.TIMESTAMP)
                .findFirst();
        Optional<StoreColumn> value = columns.stream()
                .filter(c -> c.name().equals(valueName))
                .findFirst()
                .or(() -> columns.stream()
                        .filter(c -> c.type() == ValueType.INTEGER || c.type() == ValueType.DECIMAL)
                        .reduce((first, second) -> second));
        if (date.isEmpty() || value.isEmpty()) {
            log.warn("No demo key figure for {}: no fitting columns among {}", slugPrefix, columns);
            return;
        }
        GroupRequest.Aggregation aggregation =
                valueName == null ? GroupRequest.Aggregation.SUM : GroupRequest.Aggregation.MAX;
        dashboards.addFigure(
                dashboard,
                title,
                new KeyFigure(
                        dataset.get(),
                        value.get().name(),
                        aggregation,
                        date.get().name(),
                        period),
                false);
    }

    private static <T> T as(String username, String role, java.util.function.Supplier<T> work) {
        var previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        username, "n/a", AuthorityUtils.createAuthorityList("ROLE_" + role)));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }
}
