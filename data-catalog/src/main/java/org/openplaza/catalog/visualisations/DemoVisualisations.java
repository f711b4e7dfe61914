package org.openplaza.catalog.visualisations;

import java.util.List;
import java.util.Optional;
import org.openplaza.catalog.ChartDefinition;
import org.openplaza.catalog.ChartType;
import org.openplaza.catalog.DatasetReader;
import org.openplaza.catalog.GroupRequest;
import org.openplaza.catalog.StoreColumn;
import org.openplaza.catalog.ValueType;
import org.openplaza.catalog.VisualisationService;
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

/**
 * The demo profile's gallery: a few charts of the demo datasets, saved by the demo citizen through
 * the real service on first start, so the gallery is not empty. Columns are chosen by type, so
 * the charts follow whatever the importer made of the files.
 */
@Component
@Profile("demo")
@Order(20)
class DemoVisualisations implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoVisualisations.class);

    private final VisualisationService visualisations;
    private final DatasetReader reader;

    private final org.springframework.transaction.support.TransactionTemplate transactions;
    private final org.openplaza.platform.ClusterLock lock;

    DemoVisualisations(
            VisualisationService visualisations,
            DatasetReader reader,
            org.springframework.transaction.PlatformTransactionManager transactionManager,
            org.openplaza.platform.ClusterLock lock) {
        this.lock = lock;
        this.visualisations = visualisations;
        this.reader = reader;
        this.transactions = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
    }

    /** On one node at a time; a node that waited finds the charts there and skips them. */
    @Override
    public void run(ApplicationArguments args) throws Exception {
        lock.whileHolding(
                org.openplaza.platform.ClusterLock.SEEDING,
                org.openplaza.platform.ClusterLock.SEEDING_AT_MOST,
                () -> seedOnce());
    }

    private void seedOnce() throws Exception {
        if (visualisations.countVisible() > 0) {
            return;
        }
        var previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "citizen", "n/a", AuthorityUtils.createAuthorityList("ROLE_CITIZEN")));
        try {
            // in one transaction: a start stopped half-way leaves no chart, and the next seeds them all
            transactions.executeWithoutResult(status -> {
                try {
                    seed(
                            "rainfall-monthly-total",
                            "Monthly rainfall in Singapore since 1982",
                            "Total rainfall of each month at the Changi climate station.",
                            ChartType.LINE,
                            "month",
                            GroupRequest.Bucket.NONE,
                            GroupRequest.Aggregation.SUM,
                            GroupRequest.Order.DIMENSION_ASC,
                            0);
                    seed(
                            "weekly-infectious-disease-bulletin",
                            "The ten commonest notifiable diseases, 2012–2022",
                            "Cases reported in Singapore's weekly bulletin, summed over all weeks.",
                            ChartType.BAR_HORIZONTAL,
                            "disease",
                            GroupRequest.Bucket.NONE,
                            GroupRequest.Aggregation.SUM,
                            GroupRequest.Order.VALUE_DESC,
                            10);
                    seed(
                            "covid-19-cases-by-province",
                            "Confirmed COVID-19 cases by province",
                            "The highest cumulative count of confirmed cases reached in each province by 30 April 2020.",
                            ChartType.BAR,
                            "province",
                            GroupRequest.Bucket.NONE,
                            GroupRequest.Aggregation.MAX,
                            GroupRequest.Order.VALUE_DESC,
                            0);
                } catch (Exception e) {
                    throw new IllegalStateException("The demo charts could not be seeded", e);
                }
            });
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }

    private void seed(
            String slugPrefix,
            String title,
            String description,
            ChartType type,
            String dimensionName,
            GroupRequest.Bucket bucket,
            GroupRequest.Aggregation aggregation,
            GroupRequest.Order order,
            int top)
            throws Exception {
        Optional<Long> dataset = org.openplaza.catalog.publishing.DemoCatalog.datasetNamed(reader, slugPrefix);
        if (dataset.isEmpty()) {
            return;
        }
        List<StoreColumn> columns = reader.storeColumns(dataset.get());
        // the dimension is the column named so, which the chart's title speaks of; the measure is the
        // confirmed cases where there are any, else the last column of numbers (counts and totals
        // come last in these files)
        Optional<StoreColumn> dimension =
                columns.stream().filter(c -> c.name().equals(dimensionName)).findFirst();
        if (dimension.isPresent()
                && (dimension.get().type() == ValueType.DATE || dimension.get().type() == ValueType.TIMESTAMP)) {
            // months the importer read as dates: one point per month all the same
            bucket = GroupRequest.Bucket.MONTH;
        }
        Optional<StoreColumn> measure = columns.stream()
                .filter(c -> c.name().equals("confirmed"))
                .findFirst()
                .or(() -> columns.stream()
                        .filter(c -> c.type() == ValueType.INTEGER || c.type() == ValueType.DECIMAL)
                        .reduce((first, second) -> second));
        if (dimension.isEmpty() || measure.isEmpty()) {
            log.warn("No demo chart for {}: no fitting columns among {}", slugPrefix, columns);
            return;
        }
        GroupRequest query = new GroupRequest(
                new GroupRequest.Dimension(dimension.get().name(), bucket, 0),
                List.of(new GroupRequest.Measure(measure.get().name(), aggregation)),
                null,
                List.of(),
                order,
                top);
        visualisations.save(dataset.get(), title, description, new ChartDefinition(type, query), true);
        log.info("Demo visualisation '{}' saved", title);
    }
}
