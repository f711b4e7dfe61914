package org.openplaza.portal.proposals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.openplaza.catalog.Organisation;
import org.openplaza.catalog.PublishingService;
import org.openplaza.catalog.VisualisationService;
import org.openplaza.catalog.VisualisationSummary;
import org.openplaza.platform.RunAs;
import org.openplaza.proposals.Category;
import org.openplaza.proposals.DiscussionService;
import org.openplaza.proposals.ProposalSearch;
import org.openplaza.proposals.ProposalService;
import org.openplaza.proposals.ProposalText;
import org.openplaza.voting.VoteService;
import org.openplaza.voting.VoteSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.stereotype.Component;

/**
 * The demo profile's proposals, made through the real services after the demo catalogue and its
 * charts: two citizen proposals collecting support (one with a chart as evidence and a comment)
 * and a government proposal of the demo official's organisation, put to a yes/no vote that is
 * open for 30 days (the demo citizen may vote, and change their ballot).
 */
@Component
@Profile("demo")
@Order(30)
class DemoProposals implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoProposals.class);

    static final String DEMO_QUESTION = "Should the city introduce the congestion charge?";

    /** The demo city's government, which signs its proposals. */
    static final String CITY = "Seoul Metropolitan Government";

    private final ProposalService proposals;
    private final DiscussionService discussion;
    private final VisualisationService visualisations;
    private final PublishingService publishing;
    private final RunAs runAs;
    private final VoteService votes;
    private final org.springframework.transaction.support.TransactionTemplate transactions;
    private final org.openplaza.platform.ClusterLock lock;

    DemoProposals(
            ProposalService proposals,
            DiscussionService discussion,
            VisualisationService visualisations,
            PublishingService publishing,
            RunAs runAs,
            VoteService votes,
            org.springframework.transaction.PlatformTransactionManager transactionManager,
            org.openplaza.platform.ClusterLock lock) {
        this.lock = lock;
        this.transactions = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
        this.proposals = proposals;
        this.discussion = discussion;
        this.visualisations = visualisations;
        this.publishing = publishing;
        this.runAs = runAs;
        this.votes = votes;
    }

    private static UsernamePasswordAuthenticationToken as(String username, String role) {
        return UsernamePasswordAuthenticationToken.authenticated(
                username, "n/a", AuthorityUtils.createAuthorityList("ROLE_" + role));
    }

    /** On one node at a time; a node that waited finds the proposals there and skips them. */
    @Override
    public void run(ApplicationArguments args) throws Exception {
        lock.whileHolding(
                org.openplaza.platform.ClusterLock.SEEDING,
                org.openplaza.platform.ClusterLock.SEEDING_AT_MOST,
                () -> seedOnce());
    }

    private void seedOnce() {
        if (proposals.count(ProposalSearch.all()) > 0) {
            return;
        }
        // in one transaction: a start stopped half-way leaves no proposal, and the next seeds them all
        transactions.executeWithoutResult(status -> {
            citizensProposals();
            citysProposalAndVote(cityOrganisation());
        });
        log.info("Demo proposals published");
    }

    /** Two citizens' proposals, one with a chart, a comment and an unverified support. */
    private void citizensProposals() {
        List<Long> charts = visualisations.listVisible(0, 10).stream()
                .filter(v -> v.title().startsWith("Monthly rainfall"))
                .map(VisualisationSummary::id)
                .toList();
        long[] withChart = new long[1];
        runAs.run(as("citizen", "CITIZEN"), () -> {
            withChart[0] = proposals.draft(new ProposalText(
                    "Rain gardens to stop street flooding",
                    "Plant rain gardens along the streets that flood in the monsoon months, so the water soaks away.",
                    """
                    Every summer the same streets flood after heavy rain. The rainfall chart below shows how much of the \
                    year's rain falls in a few months.

                    We propose:

                    - rain gardens on the pavements of the ten streets that flood most often;
                    - permeable paving where pavements are renewed;
                    - a yearly report on flooded streets, published as open data.
                    """,
                    Category.ENVIRONMENT,
                    null,
                    List.of("flooding", "green"),
                    List.of(),
                    charts));
            proposals.publish(withChart[0]);
            long library = proposals.draft(new ProposalText(
                    "Libraries open until 10 pm in exam season",
                    "Keep the public libraries open until 10 pm in the four weeks before the national exams.",
                    "Students need quiet places to study in the evening. Many study cafés are too expensive.",
                    Category.EDUCATION,
                    "Mapo-gu",
                    List.of("libraries", "students"),
                    List.of(),
                    List.of()));
            proposals.publish(library);
        });
        runAs.run(as("newcomer", "CITIZEN"), () -> {
            discussion.comment(withChart[0], null, "Yes please. Our street floods **every** August.");
            // recorded, but not counted until the newcomer's residence is verified
            proposals.support(withChart[0]);
        });
    }

    /**
     * The city government's organisation: the city's own proposal comes from it, not from
     * whichever publisher of data the official happens to belong to first.
     */
    private long cityOrganisation() {
        long[] city = new long[1];
        runAs.run(
                as("official", "OFFICIAL"),
                () -> city[0] = publishing.myOrganisations().stream()
                        .filter(o -> o.name().equals(CITY))
                        .mapToLong(Organisation::id)
                        .findFirst()
                        .orElse(0));
        if (city[0] == 0) {
            runAs.run(as("admin", "ADMIN"), () -> {
                city[0] = publishing.createOrganisation(CITY).id();
                publishing.addMember(city[0], "official");
            });
        }
        return city[0];
    }

    /** The city's proposal of a congestion charge, with a vote open for 30 days. */
    private void citysProposalAndVote(long city) {
        runAs.run(as("official", "OFFICIAL"), () -> {
            long congestion = proposals.draftForOrganisation(
                    city,
                    new ProposalText(
                            "A congestion charge for the city centre",
                            "Charge cars entering the city centre on weekdays and spend the income on buses and cycling.",
                            """
                    The city asks citizens whether to introduce a congestion charge:

                    1. weekdays from 7 am to 7 pm;
                    2. residents, taxis and disabled drivers exempt;
                    3. all income spent on buses and cycle lanes.
                    """,
                            Category.TRANSPORT,
                            null,
                            List.of("traffic", "buses"),
                            List.of(),
                            List.of()));
            proposals.publish(congestion);
            Instant now = Instant.now();
            votes.open(VoteSpec.yesNo(congestion, DEMO_QUESTION, true, now, now.plus(Duration.ofDays(30)))
                    .withRules(new VoteSpec.Rules(null, 50)));
        });
    }
}
