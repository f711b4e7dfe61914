package org.openplaza.portal;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The arrows between modules: portal → data-catalog, voting, accounts → migrations. Each rule was
 * seen failing once against a deliberate violation before it was trusted.
 */
@AnalyzeClasses(packages = "org.openplaza", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    static final String[] DOMAIN = {
        "org.openplaza.accounts..",
        "org.openplaza.audit..",
        "org.openplaza.platform..",
        "org.openplaza.catalog..",
        "org.openplaza.voting..",
        "org.openplaza.proposals..",
        "org.openplaza.participationdata.."
    };

    static final String[] CATALOG = {"org.openplaza.catalog.."};

    /** The top packages that are a module's face: their root package is public, the rest internal. */
    static final Set<String> FACES = Set.of("catalog", "proposals", "voting", "accounts", "audit", "participationdata");

    /**
     * Each module shows one public face: the classes at the root of its top package (for example
     * {@code org.openplaza.catalog}). Its sub-packages are its own business, and other code reaches
     * them only through that face. {@code org.openplaza.platform} is the shared kernel every module
     * builds on and is public whole; {@code org.openplaza.db} is the generated schema, kept from the
     * portal by its own rule.
     */
    @ArchTest
    static final ArchRule other_code_sees_only_a_modules_root_package = classes()
            .should(new ArchCondition<JavaClass>("use only the root package of another module") {
                @Override
                public void check(JavaClass origin, ConditionEvents events) {
                    String own = top(origin.getPackageName());
                    for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                        String target = d.getTargetClass().getPackageName();
                        String face = top(target);
                        if (face != null
                                && !face.equals(own)
                                && FACES.contains(face)
                                && !target.equals("org.openplaza." + face)) {
                            events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                        }
                    }
                }
            });

    /** The top package under org.openplaza ({@code catalog} for org.openplaza.catalog.datastore). */
    static @Nullable String top(String packageName) {
        if (!packageName.startsWith("org.openplaza.")) {
            return null;
        }
        String rest = packageName.substring("org.openplaza.".length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    @ArchTest
    static final ArchRule modules_know_nothing_of_vaadin_or_the_portal = noClasses()
            .that()
            .resideInAnyPackage(DOMAIN)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("com.vaadin..", "org.openplaza.portal..")
            .because("data-catalog, voting, participation-data and accounts are plain Spring modules that any UI"
                    + " can use");

    @ArchTest
    static final ArchRule the_portal_never_touches_jooq = noClasses()
            .that()
            .resideInAPackage("org.openplaza.portal..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.jooq..", "org.openplaza.db..")
            .because("views talk to module services, never to the database");

    @ArchTest
    static final ArchRule the_catalog_does_not_depend_on_voting = noClasses()
            .that()
            .resideInAnyPackage(CATALOG)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.openplaza.voting..", "org.openplaza.proposals..");

    @ArchTest
    static final ArchRule voting_does_not_depend_on_the_catalog = noClasses()
            .that()
            .resideInAnyPackage("org.openplaza.voting..", "org.openplaza.proposals..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(CATALOG);

    @ArchTest
    static final ArchRule accounts_depend_on_no_other_module = noClasses()
            .that()
            .resideInAnyPackage("org.openplaza.accounts..", "org.openplaza.audit..", "org.openplaza.platform..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.openplaza.catalog..",
                    "org.openplaza.voting..",
                    "org.openplaza.proposals..",
                    "org.openplaza.participationdata..");

    @ArchTest
    static final ArchRule only_participation_data_joins_voting_and_the_catalogue = noClasses()
            .that()
            .resideInAnyPackage(CATALOG)
            .or()
            .resideInAnyPackage("org.openplaza.voting..", "org.openplaza.proposals..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.openplaza.participationdata..");

    /**
     * Each module reads and writes its own schema, and the accounts schema of the shared kernel (an
     * account's name beside what it wrote, a foreign key to the account). The organisations the
     * catalogue keeps reach voting through the {@code Organisations} port, never through the
     * catalogue's tables.
     */
    @ArchTest
    static final ArchRule voting_never_reads_the_catalogues_tables = noClasses()
            .that()
            .resideInAnyPackage(
                    "org.openplaza.voting..", "org.openplaza.proposals..", "org.openplaza.participationdata..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.openplaza.db.catalog..");

    @ArchTest
    static final ArchRule the_catalogue_never_reads_votings_tables = noClasses()
            .that()
            .resideInAnyPackage(CATALOG)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.openplaza.db.voting..");

    @ArchTest
    static final ArchRule the_shared_kernel_reads_only_its_own_tables = noClasses()
            .that()
            .resideInAnyPackage("org.openplaza.accounts..", "org.openplaza.audit..", "org.openplaza.platform..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.openplaza.db.catalog..", "org.openplaza.db.voting..");

    /**
     * The portal is the user interface: the jobs that keep the modules' data (counting votes,
     * expiring proposals, publishing participation data) live in the modules and run as the portal's
     * own identity. What it schedules itself is about its own running: sealing and checking the
     * audit log it shows administrators, and sweeping what its stopped imports left.
     */
    @ArchTest
    static final ArchRule the_portal_schedules_no_domain_job =
            com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods()
                    .that()
                    .areAnnotatedWith(org.springframework.scheduling.annotation.Scheduled.class)
                    .and()
                    .areDeclaredInClassesThat()
                    .resideInAPackage("org.openplaza.portal..")
                    .should()
                    .beDeclaredInClassesThat()
                    .haveFullyQualifiedName("org.openplaza.portal.admin.AuditChainJobs")
                    .orShould()
                    .beDeclaredInClassesThat()
                    .haveFullyQualifiedName("org.openplaza.portal.publish.OrphanSweeping");

    /**
     * On a cluster every node schedules every job: each must take a lock of the cluster, so that it
     * runs on one node at a time. Two jobs are each node's own: the sweep of what stopped imports
     * left (each node sweeps its own staging tables, and shared files only once they are old), and
     * reading the cluster's changes.
     */
    @ArchTest
    static final ArchRule scheduled_jobs_hold_a_lock_of_the_cluster =
            com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods()
                    .that()
                    .areAnnotatedWith(org.springframework.scheduling.annotation.Scheduled.class)
                    .and()
                    .areDeclaredInClassesThat()
                    .doNotHaveFullyQualifiedName("org.openplaza.portal.publish.OrphanSweeping")
                    .and()
                    .doNotHaveFullName("org.openplaza.platform.ClusterChanges.inTheBackground()")
                    .should()
                    .beAnnotatedWith(net.javacrumbs.shedlock.spring.annotation.SchedulerLock.class);
}
