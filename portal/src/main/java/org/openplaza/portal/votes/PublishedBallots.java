package org.openplaza.portal.votes;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.openplaza.participationdata.Recount;
import org.openplaza.voting.CountService;
import org.openplaza.voting.Results;
import org.openplaza.voting.VoteCounting;
import org.openplaza.voting.VoteInfo;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A counted vote's ballots as open data: the dataset, a recount from it in the background with its
 * report, and the look-up of a receipt with its proof of inclusion.
 */
class PublishedBallots extends Div {

    private final long id;
    private final Recount recount;
    private final CountService counts;
    private final VoteCounting counting;

    PublishedBallots(VoteInfo vote, Results results, Recount recount, CountService counts, VoteCounting counting) {
        this.id = vote.id();
        this.recount = recount;
        this.counts = counts;
        this.counting = counting;
        show(vote, results);
    }

    private void show(VoteInfo vote, Results results) {
        Div box = this;
        box.add(new H2(getTranslation("results.open-data")));
        if (vote.ballotsDataset() == null) {
            box.add(new Paragraph(getTranslation("results.not-published")));
            return;
        }
        Anchor dataset = new Anchor("dataset/" + vote.ballotsDataset(), getTranslation("results.dataset"));
        dataset.setId("results-dataset");
        box.add(new Paragraph(getTranslation("results.how-to-recount")), dataset);
        Div report = new Div();
        report.setId("recount-report");
        Button again = new Button(getTranslation("results.recount"));
        again.setId("results-recount");
        again.addClickListener(e -> {
            again.setEnabled(false);
            report.removeAll();
            report.add(new ProgressBar() {
                {
                    setIndeterminate(true);
                    getElement().setAttribute("aria-label", getTranslation("results.recounting"));
                }
            });
            UI ui = UI.getCurrent();
            ui.setPollInterval(500);
            var auth = SecurityContextHolder.getContext().getAuthentication();
            CompletableFuture.supplyAsync(() -> {
                        var context = SecurityContextHolder.createEmptyContext();
                        context.setAuthentication(auth);
                        SecurityContextHolder.setContext(context);
                        try {
                            return recount.recount(vote, results);
                        } catch (Exception ex) {
                            throw new IllegalStateException(ex);
                        } finally {
                            SecurityContextHolder.clearContext();
                        }
                    })
                    .whenComplete((found, failure) -> ui.access(() -> {
                        ui.setPollInterval(-1);
                        again.setEnabled(true);
                        report.removeAll();
                        report.add(recountReport(found, failure));
                        counting.forget(id);
                    }));
        });
        box.add(again, report, lookUp());
    }

    private Paragraph recountReport(Recount.Report found, Throwable failure) {
        Paragraph text;
        if (failure != null) {
            text = new Paragraph(getTranslation("results.recount-failed"));
        } else if (found.matches()) {
            text = new Paragraph(getTranslation("results.recount-matches", found.rows(), found.voters()));
        } else {
            StringBuilder why = new StringBuilder(getTranslation("results.recount-differs"));
            if (found.firstBadRow() != null) {
                why.append(' ').append(getTranslation("results.recount-bad-row", found.firstBadRow()));
            }
            if (found.rows() != found.voters()) {
                why.append(' ').append(getTranslation("results.recount-voters"));
            }
            if (Boolean.FALSE.equals(found.signatureHolds())) {
                why.append(' ').append(getTranslation("results.recount-signature"));
            }
            if (!found.countMatches()) {
                why.append(' ').append(getTranslation("results.recount-count"));
            }
            if (!found.box().intact()) {
                why.append(' ')
                        .append(getTranslation(
                                "results.chain-broken", found.box().firstBadPosition()));
            }
            text = new Paragraph(why.toString());
        }
        text.addClassName(failure == null && found.matches() ? "success" : "error");
        text.getElement().setAttribute("role", "status");
        return text;
    }

    private Div lookUp() {
        Div box = new Div();
        box.add(new H2(getTranslation("receipt.title")));
        TextField code = new TextField(getTranslation("receipt.code"));
        code.setId("receipt-code");
        code.setMaxLength(40);
        Div result = new Div();
        result.setId("receipt-result");
        Button find = new Button(getTranslation("receipt.find"), e -> {
            result.removeAll();
            Optional<CountService.Inclusion> found = counts.lookUp(id, code.getValue());
            if (found.isEmpty()) {
                result.add(new Paragraph(getTranslation("receipt.none")));
                return;
            }
            result.add(new Paragraph(getTranslation("receipt.counted")));
            CountService.Inclusion in = found.get();
            if (in.count() != null) {
                Paragraph proof = new Paragraph(getTranslation(
                        "receipt.proof",
                        in.position(),
                        in.count().boxBallots(),
                        in.ballotHash(),
                        in.path().isEmpty() ? "-" : String.join(" ", in.path()),
                        in.count().text(),
                        in.count().signature()));
                proof.setId("receipt-proof");
                proof.addClassName("hash");
                result.add(proof);
            }
        });
        find.setId("receipt-find");
        HorizontalLayout line = new HorizontalLayout(code, find);
        line.setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.BASELINE);
        box.add(new Paragraph(getTranslation("receipt.help")), line, result);
        return box;
    }
}
