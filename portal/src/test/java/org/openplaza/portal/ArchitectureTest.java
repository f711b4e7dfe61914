package org.openplaza.portal;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

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

    /**
     * Each module shows one public face: the classes at its root package. Its sub-packages are its
     * own business, and other modules reach them only through that face.
     */
    @ArchTest
    static final ArchRule other_modules_see_only_the_catalogues_public_package = noClasses()
            .that()
            .resideOutsideOfPackage("org.openplaza.catalog..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.openplaza.catalog.*..")
            .because("data-catalog's public API is the package org.openplaza.catalog; its sub-packages are"
                    + " internal");

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
