package org.openplaza.portal.admin;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import org.openplaza.audit.AuditChain;
import org.openplaza.audit.Audited;
import org.openplaza.platform.RunAs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit chain's routine: new entries sealed every {@code openplaza.audit.seal-every} (10 s),
 * the whole chain checked every night (a break is logged and recorded as {@code
 * AUDIT_CHAIN_BROKEN}), and the export for an auditor at {@code /admin/audit.csv}.
 */
@RestController
class AuditChainJobs {

    private static final Logger log = LoggerFactory.getLogger(AuditChainJobs.class);

    private final AuditChain chain;
    private final RunAs runAs;
    private final ApplicationEventPublisher events;

    /** The last check of the chain on this node, nightly or asked for on the audit page. */
    private volatile AuditChain.@org.jspecify.annotations.Nullable Verification lastCheck;

    AuditChain.@org.jspecify.annotations.Nullable Verification lastCheck() {
        return lastCheck;
    }

    /** Checks the whole chain now, as the signed-in administrator, and keeps the result. */
    AuditChain.Verification checkNow() {
        AuditChain.Verification result = chain.verify();
        lastCheck = result;
        return result;
    }

    AuditChainJobs(AuditChain chain, RunAs runAs, ApplicationEventPublisher events) {
        this.chain = chain;
        this.runAs = runAs;
        this.events = events;
    }

    @Scheduled(fixedDelayString = "${openplaza.audit.seal-every:PT10S}", initialDelayString = "PT5S")
    @net.javacrumbs.shedlock.spring.annotation.SchedulerLock(name = "audit-seal", lockAtMostFor = "PT10M")
    void seal() {
        try {
            runAs.run(org.openplaza.platform.SystemIdentity.job(), chain::seal);
        } catch (Exception e) {
            log.error("New audit entries could not be sealed", e);
        }
    }

    @Scheduled(cron = "${openplaza.audit.check-cron:0 45 3 * * *}")
    @net.javacrumbs.shedlock.spring.annotation.SchedulerLock(name = "audit-check", lockAtMostFor = "PT3H")
    void check() {
        try {
            runAs.run(org.openplaza.platform.SystemIdentity.job(), () -> {
                AuditChain.Verification result = checkNow();
                if (!result.intact()) {
                    log.error("The audit log's chain is broken: {}", result.detail());
                    events.publishEvent(
                            new Audited("system", "AUDIT_CHAIN_BROKEN", "audit", null, result.detail(), null));
                }
            });
        } catch (Exception e) {
            log.error("The audit log's chain could not be checked", e);
        }
    }

    /** Every sealed entry with its hashes, as CSV; administrators only (checked by the service). */
    @GetMapping("/admin/audit.csv")
    void export(HttpServletResponse response) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"openplaza-audit-log.csv\"");
        try {
            chain.export(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
        } catch (org.springframework.security.access.AccessDeniedException e) {
            // refused before anything was written: say so plainly, not as a CSV
            response.reset();
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("The audit log is for administrators only.\n");
        }
    }
}
