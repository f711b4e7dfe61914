package org.openplaza.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.openplaza.audit.Audited;
import org.openplaza.catalog.datastore.CatalogProperties;
import org.openplaza.catalog.datastore.DatasetStore;
import org.openplaza.catalog.datastore.StoreFailures;
import org.openplaza.catalog.importer.CsvAnalyzer;
import org.openplaza.catalog.importer.CsvLoader;
import org.openplaza.catalog.publishing.DatasetChanges;
import org.openplaza.catalog.publishing.PublishingRepository;
import org.openplaza.catalog.publishing.VersionHistory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Officials publish datasets for their organisations: metadata, versions imported from CSV files,
 * and the draft → published → withdrawn states. Only members of the owning organisation (and
 * administrators) may change a dataset; every change is audited.
 */
@Service
public class PublishingService {

    static final String PUBLISHERS = "hasAnyRole('OFFICIAL','ADMIN')";
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final PublishingRepository repository;
    private final DatasetStore store;
    private final CatalogProperties properties;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /** Original files being written or imported (absolute, normalised): the orphan sweep spares them. */
    private final java.util.Set<Path> keeping = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public PublishingService(
            PublishingRepository repository,
            DatasetStore store,
            CatalogProperties properties,
            TransactionTemplate transactions,
            ApplicationEventPublisher events,
            Clock clock) {
        this.repository = repository;
        this.store = store;
        this.properties = properties;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    static boolean isAdmin() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null
                && authentication.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
    }

    private void requireManage(long organisationId) {
        requireManage(repository, organisationId);
    }

    private static void requireManage(PublishingRepository repository, long organisationId) {
        if (!isAdmin() && !repository.isMember(Audited.currentActor(), organisationId)) {
            throw new AccessDeniedException("not a publisher of organisation " + organisationId);
        }
    }

    private long requireManageDataset(long datasetId) {
        return requireManageDataset(repository, datasetId);
    }

    /** The dataset's organisation, once the caller is found to publish for it (or to be an administrator). */
    static long requireManageDataset(PublishingRepository repository, long datasetId) {
        long organisation = repository
                .organisationOf(datasetId)
                .orElseThrow(() -> new CatalogException(null, "publish.error.no-dataset"));
        requireManage(repository, organisation);
        return organisation;
    }

    /**
     * For a dataset known to be there: refused unless the caller publishes for it ({@code member},
     * found by the caller's own query) or is an administrator.
     */
    static void requirePublisherOf(boolean member, long datasetId) {
        if (!isAdmin() && !member) {
            throw new AccessDeniedException("not a publisher of dataset " + datasetId);
        }
    }

    /** Every change to a dataset is audited, and announced to caches and the search index. */
    private void audit(String event, long datasetId, String detail) {
        events.publishEvent(Audited.byCurrentUser(event, "dataset", String.valueOf(datasetId), detail));
        events.publishEvent(DatasetChanges.of(datasetId));
    }

    /** The largest file, in bytes, that may be uploaded as a version. */
    public long maxUploadBytes() {
        return properties.maxUploadBytes();
    }

    /** The organisations the caller may publish for (all of them, for administrators). */
    @PreAuthorize(PUBLISHERS)
    @Transactional(readOnly = true)
    public List<Organisation> myOrganisations() {
        return repository.organisations(isAdmin() ? null : Audited.currentActor());
    }

    /** The datasets the caller may manage, most recently changed first. */
    @PreAuthorize(PUBLISHERS)
    @Transactional(readOnly = true)
    public List<ManagedDataset> managedDatasets() {
        return repository.managed(isAdmin() ? null : Audited.currentActor());
    }

    /**
     * The dataset the portal publishes itself under this key (participation data, a vote's
     * ballots): found by the key whatever its title has become.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public java.util.Optional<ManagedDataset> systemDataset(String key) {
        return repository.bySystemKey(key);
    }

    /** Creates a dataset the portal publishes itself, kept under a key of its own. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public long createSystemDataset(String key, DatasetMetadata metadata) {
        if (!key.matches("[a-z0-9-]{1,64}")) {
            throw new IllegalArgumentException("a system dataset's key is 1 to 64 of a-z, 0-9 and -: " + key);
        }
        long id = createDataset(metadata);
        repository.setSystemKey(id, key);
        return id;
    }

    @PreAuthorize(PUBLISHERS)
    @Transactional
    public long createDataset(DatasetMetadata metadata) {
        return createDataset(metadata, null);
    }

    /** What a dataset's name (its URL's last part) may be: CKAN's rule, 2 to 100 of a–z, 0–9, - and _. */
    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[a-z0-9_-]{2,100}");

    /**
     * A new draft dataset with this name in its address ({@code /dataset/NAME}), or, without one,
     * a name made from its title. A name that breaks CKAN's rule or that another dataset has is
     * refused.
     */
    @PreAuthorize(PUBLISHERS)
    @Transactional
    public long createDataset(DatasetMetadata metadata, @org.jspecify.annotations.Nullable String name) {
        validate(metadata);
        requireManage(metadata.organisationId());
        if (name != null) {
            if (!NAME.matcher(name).matches() || name.chars().allMatch(Character::isDigit)) {
                throw new CatalogException("name", "publish.error.name-invalid");
            }
            if (repository.slugTaken(name)) {
                throw new CatalogException("name", "publish.error.name-taken", name);
            }
        }
        long id = repository.insertDataset(metadata, name, Audited.currentActor(), clock.instant());
        audit("DATASET_CREATED", id, metadata.title());
        return id;
    }

    @PreAuthorize(PUBLISHERS)
    @Transactional(readOnly = true)
    public DatasetMetadata metadata(long datasetId) {
        requireManageDataset(datasetId);
        return repository.metadata(datasetId).orElseThrow();
    }

    @PreAuthorize(PUBLISHERS)
    @Transactional
    public void updateMetadata(long datasetId, DatasetMetadata metadata) {
        validate(metadata);
        requireManageDataset(datasetId);
        requireManage(metadata.organisationId());
        repository.updateMetadata(datasetId, metadata, clock.instant());
        audit("METADATA_CHANGED", datasetId, metadata.title());
    }

    /** Reads the whole file once: encoding, delimiter, header, types (see {@link CsvAnalyzer}). */
    @PreAuthorize(PUBLISHERS)
    public CsvAnalysis analyse(Path upload, ReadSettings settings) throws IOException, CatalogException {
        checkSize(upload);
        return CsvAnalyzer.analyze(upload, settings);
    }

    @PreAuthorize(PUBLISHERS)
    public List<List<CsvPreview.Cell>> preview(Path upload, ImportPlan plan, int limit) throws Exception {
        return CsvPreview.rows(upload, plan, Math.min(limit, 100));
    }

    /**
     * The plan with each column named as the current version names the column of the same label,
     * so that charts and API clients reading a column by name keep finding it in the new version
     * (whatever the rules that named it then).
     */
    /**
     * Names the official gave columns: each one the store can take as it is (lower-case letters,
     * digits and underscores, not one it reserves) and each one once.
     */
    private static void checkNames(ImportPlan plan) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (var column : plan.storedColumns()) {
            if (!org.openplaza.catalog.importer.ColumnNames.isValidName(column.name())) {
                throw new CatalogException(fieldOf(column), "publish.error.column-name", column.label(), column.name());
            }
            if (!seen.add(column.name())) {
                throw new CatalogException(
                        fieldOf(column), "publish.error.column-name-taken", column.label(), column.name());
            }
        }
    }

    /** The form field a column's error belongs to: the file's field, or the long form's period or value. */
    private static String fieldOf(org.openplaza.catalog.ColumnAnalysis column) {
        return switch (column.index()) {
            case -1 -> "unpivot-period";
            case -2 -> "unpivot-value";
            default -> "column-" + column.index();
        };
    }

    private ImportPlan keepingNames(long datasetId, ImportPlan plan) {
        java.util.Map<String, String> current = new java.util.HashMap<>();
        for (DatasetColumn column : repository.currentColumns(datasetId)) {
            current.put(column.label(), column.name());
        }
        if (current.isEmpty()) {
            return plan;
        }
        java.util.Set<String> planned = new java.util.HashSet<>();
        plan.columns().forEach(c -> planned.add(c.name()));
        List<org.openplaza.catalog.ColumnAnalysis> named = new java.util.ArrayList<>();
        java.util.Set<String> taken = new java.util.HashSet<>();
        for (var column : plan.columns()) {
            String earlier = current.get(column.label());
            boolean renamed = !column.name()
                    .equals(plan.analysis().columns().get(column.index()).name());
            // the earlier name, unless the official named the column or another column of this
            // plan already goes by it
            boolean free = !renamed
                    && earlier != null
                    && !earlier.equals(column.name())
                    && !planned.contains(earlier)
                    && !taken.contains(earlier);
            String name = free ? earlier : column.name();
            taken.add(name);
            named.add(column.named(column.label(), name));
        }
        return plan.withColumns(named);
    }

    /**
     * Imports a file as the dataset's next version. The rows go to a new table of the dataset
     * store; only when all are in is the version recorded and made current, in one transaction, so
     * the previous version stays live until then. On any failure nothing is left behind.
     */
    @PreAuthorize(PUBLISHERS)
    public ImportedVersion importVersion(
            long datasetId,
            Path upload,
            String originalFilename,
            ImportPlan plan,
            List<String> columnDescriptions,
            ImportMonitor monitor)
            throws Exception {
        return importVersion(datasetId, upload, originalFilename, plan, columnDescriptions, monitor, null);
    }

    /** {@link #importVersion}, of a file fetched from an http(s) address, which the version keeps. */
    @PreAuthorize(PUBLISHERS)
    public ImportedVersion importVersion(
            long datasetId,
            Path upload,
            String originalFilename,
            ImportPlan plan,
            List<String> columnDescriptions,
            ImportMonitor monitor,
            @org.jspecify.annotations.Nullable String sourceUrl)
            throws Exception {
        requireManageDataset(datasetId);
        checkSize(upload);
        checkNames(plan);
        plan = keepingNames(datasetId, plan);
        Path original = keepOriginal(datasetId, upload, originalFilename);
        try {
            String sha256 = original.getFileName().toString().substring(0, 64);
            ImportReport report;
            try {
                report = CsvLoader.load(upload, plan, store, monitor);
            } catch (Exception e) {
                Files.deleteIfExists(original);
                throw e;
            }
            try {
                return recordVersion(
                        datasetId,
                        original,
                        sha256,
                        originalFilename,
                        plan,
                        columnDescriptions,
                        report,
                        Audited.currentActor(),
                        sourceUrl);
            } finally {
                // recorded, dropped, or (killed before either) an orphan for the sweep
                store.release(report.table());
            }
        } finally {
            keeping.remove(keyOf(original));
        }
    }

    private ImportedVersion recordVersion(
            long datasetId,
            Path original,
            String sha256,
            String originalFilename,
            ImportPlan plan,
            List<String> columnDescriptions,
            ImportReport report,
            String actor,
            @org.jspecify.annotations.Nullable String sourceUrl)
            throws Exception {
        try {
            List<org.openplaza.catalog.ColumnProfile> profiles = store.profile(
                    report.table(),
                    plan.storedColumns().stream()
                            .map(c -> new org.openplaza.catalog.StoreColumn(c.name(), c.type(), c.scale()))
                            .toList());
            return transactions.execute(status -> {
                int number = repository.nextVersionNumber(datasetId);
                char delimiter = plan.analysis().delimiter();
                long versionId = repository.insertVersion(
                        new PublishingRepository.NewVersion(
                                datasetId,
                                number,
                                report.table(),
                                report.rows(),
                                sizeOf(original),
                                sha256,
                                delimiter == '\t' ? "text/tab-separated-values" : "text/csv",
                                delimiter == '\t' ? "TSV" : "CSV",
                                plan.analysis().encoding().charset().name(),
                                delimiter,
                                originalFilename,
                                original.toString(),
                                actor,
                                sourceUrl),
                        plan.storedColumns(),
                        descriptions(columnDescriptions, plan.storedColumns().size()),
                        clock.instant());
                repository.insertProfiles(versionId, profiles);
                repository.insertNullMarkers(versionId, plan.storedColumns());
                audit(
                        "VERSION_IMPORTED",
                        datasetId,
                        org.openplaza.audit.AuditDetail.of("version-imported", number, report.rows()));
                return new ImportedVersion(
                        version(datasetId, number), report.nulledCount(), report.nulledCells(), report.skippedLines());
            });
        } catch (RuntimeException | java.sql.SQLException e) {
            store.drop(report.table());
            Files.deleteIfExists(original);
            throw e;
        }
    }

    private static List<String> descriptions(List<String> given, int columns) {
        List<String> descriptions = new ArrayList<>(given);
        while (descriptions.size() < columns) {
            descriptions.add("");
        }
        return descriptions.subList(0, columns);
    }

    private void checkSize(Path upload) throws IOException {
        if (Files.size(upload) > properties.maxUploadBytes()) {
            throw new CatalogException(
                    null,
                    "publish.error.too-large",
                    org.apache.commons.io.FileUtils.byteCountToDisplaySize(properties.maxUploadBytes()));
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Copies the upload as it is, named by its SHA-256, under the originals folder. */
    private Path keepOriginal(long datasetId, Path upload, String filename) throws IOException {
        Path folder = Path.of(properties.originalsDir(), String.valueOf(datasetId));
        Files.createDirectories(folder);
        Path temporary = folder.resolve(UUID.randomUUID() + ".part");
        keeping.add(keyOf(temporary));
        try {
            MessageDigest digest;
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            try (InputStream in = Files.newInputStream(upload);
                    OutputStream out = new DigestOutputStream(Files.newOutputStream(temporary), digest)) {
                in.transferTo(out);
            }
            String extension = filename.toLowerCase(java.util.Locale.ROOT).endsWith(".tsv") ? ".tsv" : ".csv";
            Path target =
                    folder.resolve(HexFormat.of().formatHex(digest.digest()) + "-" + UUID.randomUUID() + extension);
            keeping.add(keyOf(target));
            return Files.move(temporary, target);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        } finally {
            keeping.remove(keyOf(temporary));
        }
    }

    /** How a file is named in {@link #keeping}: absolute and normalised. */
    static Path keyOf(Path file) {
        return file.toAbsolutePath().normalize();
    }

    /** The original files being written or imported now, which no version names yet. */
    public java.util.Set<Path> keeping() {
        return java.util.Set.copyOf(keeping);
    }

    /** Where a version's original file is kept, for download: by its managers, or by anyone once published. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public java.util.Optional<DownloadableFile> originalFile(long versionId) {
        var file = repository.originalFile(versionId);
        if (file.isEmpty()) {
            return java.util.Optional.empty();
        }
        boolean published =
                "PUBLISHED".equals(repository.state(file.get().datasetId()).orElse(""));
        if (!published) {
            var authentication = SecurityContextHolder.getContext().getAuthentication();
            boolean manager = authentication != null
                    && authentication.isAuthenticated()
                    && (isAdmin()
                            || repository
                                    .organisationOf(file.get().datasetId())
                                    .map(org -> repository.isMember(Audited.currentActor(), org))
                                    .orElse(false));
            if (!manager) {
                return java.util.Optional.empty();
            }
        }
        return file;
    }

    /** The current version's columns with their profiles. */
    @PreAuthorize(PUBLISHERS)
    @Transactional(readOnly = true)
    public List<DatasetColumn> columns(long datasetId) {
        requireManageDataset(datasetId);
        return repository.currentColumns(datasetId);
    }

    @PreAuthorize(PUBLISHERS)
    @Transactional
    public void publish(long datasetId) {
        requireManageDataset(datasetId);
        if (!repository.hasVersion(datasetId)) {
            throw new CatalogException(null, "publish.error.no-version");
        }
        repository.setState(datasetId, "PUBLISHED", clock.instant());
        audit("DATASET_PUBLISHED", datasetId, null);
    }

    /**
     * Publishes a dataset harvested from another portal, which may have no version here: its
     * record is mirrored, and its files stay at their source when none is imported.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void publishHarvested(long datasetId) {
        requireManageDataset(datasetId);
        repository.setState(datasetId, "PUBLISHED", clock.instant());
        audit("DATASET_PUBLISHED", datasetId, "harvested");
    }

    @PreAuthorize(PUBLISHERS)
    @Transactional
    public void withdraw(long datasetId) {
        requireManageDataset(datasetId);
        repository.setState(datasetId, "WITHDRAWN", clock.instant());
        audit("DATASET_WITHDRAWN", datasetId, null);
    }

    private VersionSummary version(long datasetId, int number) {
        return VersionHistory.of(repository, datasetId).stream()
                .filter(v -> v.number() == number)
                .findFirst()
                .orElseThrow();
    }

    /**
     * Deletes a version (CKAN's {@code resource_delete}): nothing reads it again, its store table
     * and original file are removed, and the newest version left becomes current. A published
     * dataset keeps at least one version: withdraw it first, or import the next one.
     */
    @PreAuthorize(PUBLISHERS)
    public void deleteVersion(long versionId) {
        try {
            PublishingRepository.LiveFile version = repository
                    .undeletedVersion(versionId)
                    .orElseThrow(() -> new CatalogException(null, "publish.error.no-version-found"));
            requireManageDataset(version.datasetId());
            transactions.executeWithoutResult(status -> {
                // the dataset's row is locked first, so two deletions of its last versions cannot both pass
                boolean published = "PUBLISHED".equals(repository.lockState(version.datasetId()));
                Long current = repository.deleteVersion(version.datasetId(), versionId, clock.instant());
                if (current == null && published) {
                    throw new CatalogException(null, "publish.error.last-version");
                }
                audit(
                        "VERSION_DELETED",
                        version.datasetId(),
                        org.openplaza.audit.AuditDetail.of("version-deleted", version.number()));
            });
            // after the commit: a crash here leaves them to the sweep of orphans
            store.drop(version.table());
            if (!version.storedFile().isEmpty()) {
                Files.deleteIfExists(Path.of(version.storedFile()));
            }
        } catch (SQLException e) {
            throw StoreFailures.of(e);
        } catch (IOException e) {
            throw StoreFailures.of(e);
        }
    }

    /** Every version, oldest first, each with its schema diff against the one before. */
    @PreAuthorize(PUBLISHERS)
    @Transactional(readOnly = true)
    public List<VersionSummary> versions(long datasetId) {
        requireManageDataset(datasetId);
        return VersionHistory.of(repository, datasetId);
    }

    /** Administrators create organisations. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public Organisation createOrganisation(String name) {
        String trimmed = name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 200) {
            throw new CatalogException("name", "publish.error.organisation-name");
        }
        String slug = PublishingRepository.slug(trimmed);
        long id = repository.createOrganisation(slug, trimmed, clock.instant());
        events.publishEvent(Audited.byCurrentUser("ORGANISATION_CREATED", "organisation", slug, trimmed));
        return new Organisation(id, slug, trimmed);
    }

    /** Administrators make an account a publisher of an organisation. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void addMember(long organisationId, String username) {
        if (!repository.addMember(organisationId, username.strip().toLowerCase(java.util.Locale.ROOT))) {
            throw new CatalogException("username", "publish.error.no-such-user");
        }
        events.publishEvent(Audited.byCurrentUser(
                "ORGANISATION_MEMBER_ADDED", "organisation", String.valueOf(organisationId), username));
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<String> members(long organisationId) {
        return repository.members(organisationId);
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void removeMember(long organisationId, String username) {
        if (repository.removeMember(organisationId, username)) {
            events.publishEvent(Audited.byCurrentUser(
                    "ORGANISATION_MEMBER_REMOVED", "organisation", String.valueOf(organisationId), username));
        }
    }

    private static void validate(DatasetMetadata m) {
        if (m.title().isBlank() || m.title().strip().length() < 3 || m.title().length() > 300) {
            throw new CatalogException("title", "publish.error.title");
        }
        if (m.description().isBlank() || m.description().length() > 10_000) {
            throw new CatalogException("description", "publish.error.description");
        }
        if (Licence.of(m.licence()).isEmpty()) {
            throw new CatalogException("licence", "publish.error.licence");
        }
        if (!DatasetMetadata.FREQUENCIES.contains(m.updateFrequency())) {
            throw new CatalogException("updateFrequency", "publish.error.frequency");
        }
        if (!DatasetMetadata.THEMES.containsAll(m.themes())) {
            throw new CatalogException("themes", "publish.error.theme");
        }
        if (!DatasetMetadata.LANGUAGES.contains(m.language())) {
            throw new CatalogException("language", "publish.error.language");
        }
        if (m.contactEmail() != null
                && !m.contactEmail().isBlank()
                && !EMAIL.matcher(m.contactEmail()).matches()) {
            throw new CatalogException("contactEmail", "publish.error.contact-email");
        }
        if (m.temporalFrom() != null && m.temporalTo() != null && m.temporalTo().isBefore(m.temporalFrom())) {
            throw new CatalogException("temporalTo", "publish.error.temporal");
        }
        if (m.keywords().size() > 20 || m.keywords().stream().anyMatch(k -> k.isBlank() || k.length() > 100)) {
            throw new CatalogException("keywords", "publish.error.keywords");
        }
        for (var translation : m.translations().entrySet()) {
            String language = translation.getKey();
            DatasetMetadata.Translation t = translation.getValue();
            if (!DatasetMetadata.LANGUAGES.contains(language) || language.equals(m.language())) {
                throw new CatalogException("translations", "publish.error.translation-language");
            }
            if (t.title().length() < 3 || t.title().length() > 300) {
                throw new CatalogException("translations", "publish.error.translation-title");
            }
            if (t.description().length() > 10_000) {
                throw new CatalogException("translations", "publish.error.description");
            }
            if (t.keywords().size() > 20 || t.keywords().stream().anyMatch(k -> k.length() > 100)) {
                throw new CatalogException("translations", "publish.error.keywords");
            }
        }
    }
}
