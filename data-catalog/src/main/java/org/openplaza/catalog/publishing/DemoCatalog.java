package org.openplaza.catalog.publishing;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.openplaza.audit.Audited;
import org.openplaza.catalog.DatasetMetadata;
import org.openplaza.catalog.ImportMonitor;
import org.openplaza.catalog.ImportPlan;
import org.openplaza.catalog.Organisation;
import org.openplaza.catalog.PublishingService;
import org.openplaza.catalog.ReadSettings;
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
 * The demo profile's catalogue: publishing organisations with the demo official as their member,
 * and a handful of real datasets imported through the real importer on first start.
 */
@Component
@Profile("demo")
@Order(10)
public class DemoCatalog implements ApplicationRunner {

    static final String OFFICIAL = "official";

    private record Demo(
            String organisation,
            String file,
            String title,
            String description,
            String theme,
            String licence,
            String frequency,
            @Nullable LocalDate from,
            @Nullable LocalDate to,
            String spatial,
            List<String> keywords,
            DatasetMetadata.Translation korean) {}

    private static DatasetMetadata.Translation korean(String title, String description, String... keywords) {
        return new DatasetMetadata.Translation(title, description, List.of(keywords));
    }

    private static final List<Demo> DATASETS = List.of(
            new Demo(
                    "Meteorological Service Singapore",
                    "sg_rainfall_monthly_total_1982_2025.csv",
                    "Rainfall: monthly total",
                    "Total rainfall in millimetres for each month since January 1982, measured at the Changi climate"
                            + " station.",
                    "ENVI",
                    "SG-ODL-1.0",
                    "MONTHLY",
                    LocalDate.of(1982, 1, 1),
                    LocalDate.of(2025, 11, 30),
                    "Singapore",
                    List.of("rainfall", "weather", "climate"),
                    korean("강수량: 월별 합계", "1982년 1월부터 창이 기후관측소에서 잰 달마다의 강수량 합계(밀리미터).", "강수량", "날씨", "기후")),
            new Demo(
                    "Ministry of Health Singapore",
                    "sg_moh_weekly_infectious_disease_bulletin_2012_2022.csv",
                    "Weekly infectious disease bulletin",
                    "Cases of notifiable infectious diseases reported each epidemiological week, by disease.",
                    "HEAL",
                    "SG-ODL-1.0",
                    "WEEKLY",
                    LocalDate.of(2012, 1, 1),
                    LocalDate.of(2022, 12, 31),
                    "Singapore",
                    List.of("infectious diseases", "public health"),
                    korean("주간 감염병 발생 현황", "역학 주마다 신고된 법정 감염병 환자 수, 질병별.", "감염병", "보건")),
            new Demo(
                    "London Borough of Lambeth",
                    "uk_lambeth_planning_permissions_2011q1.csv",
                    "Planning permissions granted, January to March 2011",
                    "Planning applications decided by the council in the first quarter of 2011, with the address,"
                            + " the proposal and the date of decision.",
                    "REGI",
                    "OGL-UK-3.0",
                    "QUARTERLY",
                    LocalDate.of(2011, 1, 1),
                    LocalDate.of(2011, 3, 31),
                    "Lambeth, London",
                    List.of("planning", "housing"),
                    korean("건축 허가 현황, 2011년 1~3월", "2011년 1분기에 구청이 결정한 건축 허가 신청: 주소, 내용, 결정일.", "건축 허가", "주택")),
            new Demo(
                    "London Borough of Lambeth",
                    "uk_lambeth_foi_disclosure_log_2012-01_cp1252.csv",
                    "Freedom of Information disclosure log, January 2012",
                    "Requests made to the council under the Freedom of Information Act in January 2012, with the"
                            + " date received and a summary of each request.",
                    "GOVE",
                    "OGL-UK-3.0",
                    "MONTHLY",
                    LocalDate.of(2012, 1, 1),
                    LocalDate.of(2012, 1, 31),
                    "Lambeth, London",
                    List.of("freedom of information", "transparency"),
                    korean("정보공개 청구 목록, 2012년 1월", "2012년 1월 정보공개법에 따라 구청에 접수된 청구: 접수일과 청구 요지.", "정보공개", "투명성")),
            new Demo(
                    "Korea Disease Control and Prevention Agency (via DS4C)",
                    "kr_ds4c_covid19_time_province.csv",
                    "COVID-19 cases by province",
                    "Cumulative confirmed, released and deceased COVID-19 cases in each Korean province, from the"
                            + " agency's press releases, compiled by the DS4C project.",
                    "HEAL",
                    "CC-BY-4.0",
                    "DAILY",
                    LocalDate.of(2020, 1, 20),
                    LocalDate.of(2020, 4, 30),
                    "Republic of Korea",
                    List.of("covid-19", "public health", "korea"),
                    korean(
                            "시도별 코로나19 확진자",
                            "보도자료에 따른 시도별 누적 확진자, 격리 해제자, 사망자 수 (DS4C 프로젝트 정리).",
                            "코로나19",
                            "보건",
                            "한국")));

    private static final Logger log = LoggerFactory.getLogger(DemoCatalog.class);

    /** Recorded in the audit log once the whole demo catalogue is in. */
    static final String SEEDED = "DEMO_CATALOG_SEEDED";

    private final PublishingService publishing;
    private final PublishingRepository repository;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final org.openplaza.audit.AuditService audit;
    private final org.openplaza.platform.ClusterLock lock;

    DemoCatalog(
            PublishingService publishing,
            PublishingRepository repository,
            org.springframework.context.ApplicationEventPublisher events,
            org.openplaza.audit.AuditService audit,
            org.openplaza.platform.ClusterLock lock) {
        this.lock = lock;
        this.publishing = publishing;
        this.repository = repository;
        this.events = events;
        this.audit = audit;
    }

    /** On one node at a time; a node that waited finds the catalogue seeded and skips it. */
    @Override
    public void run(ApplicationArguments args) throws Exception {
        lock.whileHolding(
                org.openplaza.platform.ClusterLock.SEEDING,
                org.openplaza.platform.ClusterLock.SEEDING_AT_MOST,
                () -> seedOnce());
    }

    private void seedOnce() throws Exception {
        if (audit.recorded(SEEDED)) {
            return;
        }
        var previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "system", "n/a", AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
        try {
            seed();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }

    /**
     * Seeds what is missing of the demo catalogue, so that a start stopped half-way is completed
     * by the next one: each organisation, membership, dataset, version and publication is made only
     * if it is not there yet. When all are in, the audit log records it and later starts skip this.
     */
    void seed() throws Exception {
        for (Demo demo : DATASETS) {
            long organisation = repository.organisations(null).stream()
                    .filter(o -> o.name().equals(demo.organisation()))
                    .map(Organisation::id)
                    .findFirst()
                    .orElseGet(() ->
                            publishing.createOrganisation(demo.organisation()).id());
            if (!repository.isMember(OFFICIAL, organisation)) {
                publishing.addMember(organisation, OFFICIAL);
            }
            long dataset = repository
                    .datasetByTitle(organisation, demo.title())
                    .orElseGet(() -> publishing.createDataset(new DatasetMetadata(
                            organisation,
                            demo.title(),
                            demo.description(),
                            demo.organisation(),
                            null,
                            Set.of(demo.theme()),
                            demo.keywords(),
                            demo.licence(),
                            demo.frequency(),
                            demo.from(),
                            demo.to(),
                            demo.spatial(),
                            "en",
                            Map.of("ko", demo.korean()))));
            var access = repository.access(dataset).orElseThrow();
            if (access.currentVersionId() == null) {
                importDemoFile(dataset, demo.file());
            }
            if (!"PUBLISHED".equals(access.state())) { // an import leaves the state as it was
                publishing.publish(dataset);
                log.info("Demo dataset '{}' published", demo.title());
            }
        }
        events.publishEvent(Audited.byCurrentUser(
                SEEDED, "catalog", "demo", org.openplaza.audit.AuditDetail.of("demo-datasets", DATASETS.size())));
    }

    private void importDemoFile(long dataset, String name) throws Exception {
        Path file = Files.createTempFile("openplaza-demo", ".csv");
        try (InputStream in = DemoCatalog.class.getResourceAsStream("/demo/" + name)) {
            if (in == null) {
                throw new IllegalStateException("demo file missing: " + name);
            }
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        try {
            var analysis = publishing.analyse(file, ReadSettings.DETECT);
            publishing.importVersion(
                    dataset, file, name, ImportPlan.asDetected(analysis), List.of(), new ImportMonitor());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The published demo dataset whose name starts so, for the demo's charts and dashboards. */
    public static java.util.Optional<Long> datasetNamed(org.openplaza.catalog.DatasetReader reader, String slugPrefix) {
        return reader.publishedSlugs(0, 1000).stream()
                .filter(s -> s.startsWith(slugPrefix))
                .findFirst()
                .flatMap(reader::byIdOrSlug)
                .map(d -> d.id());
    }
}
