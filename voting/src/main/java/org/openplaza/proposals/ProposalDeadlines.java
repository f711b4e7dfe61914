package org.openplaza.proposals;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every minute, citizen proposals whose support window closed without the threshold expire. */
@Component
class ProposalDeadlines {

    private static final Logger log = LoggerFactory.getLogger(ProposalDeadlines.class);

    private final ProposalService proposals;

    ProposalDeadlines(ProposalService proposals) {
        this.proposals = proposals;
    }

    @Scheduled(fixedDelayString = "${openplaza.proposals.deadline-check:PT1M}", initialDelayString = "PT10S")
    @net.javacrumbs.shedlock.spring.annotation.SchedulerLock(name = "proposal-deadlines", lockAtMostFor = "PT10M")
    void expire() {
        int expired = proposals.expireDue();
        if (expired > 0) {
            log.info("{} proposals expired without enough supports", expired);
        }
    }
}
