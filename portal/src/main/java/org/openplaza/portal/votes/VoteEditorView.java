package org.openplaza.portal.votes;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.openplaza.platform.Refusal;
import org.openplaza.portal.layout.Formats;
import org.openplaza.portal.layout.Titles;
import org.openplaza.proposals.ProposalService;
import org.openplaza.voting.Method;
import org.openplaza.voting.VoteService;
import org.openplaza.voting.VoteSpec;
import org.openplaza.voting.VotingException;

/**
 * An official opens a vote, on a scheduled proposal ({@code ?proposal=id}) or on its own: the
 * question, the method and its options (projects with their costs for a budget), who may vote,
 * when, whether ballots may be changed, and the optional quorum and threshold.
 */
@Route("votes/new")
@RolesAllowed("OFFICIAL")
public class VoteEditorView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final VoteService votes;
    private final ProposalService proposals;
    private final TextArea question = new TextArea();
    private final Select<Method> method = new Select<>();
    private final TextArea options = new TextArea();
    private final IntegerField maxChoices = new IntegerField();
    private final TextField budget = new TextField();
    private final Checkbox allowChange = new Checkbox();
    private final DateTimePicker opensAt = new DateTimePicker();
    private final DateTimePicker closesAt = new DateTimePicker();
    private final TextField districts = new TextField();
    private final IntegerField minAge = new IntegerField();
    private final IntegerField quorum = new IntegerField();
    private final IntegerField threshold = new IntegerField();
    private final Paragraph about = new Paragraph();
    private @Nullable Long proposalId;

    private final org.openplaza.portal.security.RecentSignIn recentSignIn;

    public VoteEditorView(
            VoteService votes,
            ProposalService proposals,
            Clock clock,
            org.openplaza.portal.security.RecentSignIn recentSignIn) {
        this.recentSignIn = recentSignIn;
        this.votes = votes;
        this.proposals = proposals;
        setMaxWidth("900px");
        configureBallot();
        configureTimes(clock);
        configureRules();
        about.setId("vote-about");
        Button open = new Button(
                getTranslation("vote.open"),
                e -> org.openplaza.portal.security.PasswordCheck.thenRun(
                        recentSignIn, "reauth.why.binding", this::open));
        open.setId("vote-open");
        open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout rules = new FormLayout(
                method, maxChoices, budget, allowChange, opensAt, closesAt, districts, minAge, quorum, threshold);
        add(new H1(getTranslation("vote.editor.title")), about, question, rules, options, open);
        fit();
    }

    /** The question, the method and what the ballot offers. */
    private void configureBallot() {
        question.setId("vote-question");
        question.setLabel(getTranslation("vote.field.question"));
        question.setMaxLength(500);
        question.setWidthFull();
        method.setId("vote-method");
        method.setLabel(getTranslation("vote.field.method"));
        method.setItems(Method.values());
        method.setItemLabelGenerator(m -> getTranslation("vote.method." + m.name()));
        method.setValue(Method.YES_NO);
        method.addValueChangeListener(e -> fit());
        options.setId("vote-options");
        options.setLabel(getTranslation("vote.field.options"));
        options.setWidthFull();
        options.setMinHeight("8em");
        maxChoices.setId("vote-max-choices");
        maxChoices.setLabel(getTranslation("vote.field.max-choices"));
        maxChoices.setMin(1);
        budget.setId("vote-budget");
        budget.setLabel(getTranslation("vote.field.budget"));
        budget.setAllowedCharPattern("[0-9]");
        allowChange.setId("vote-allow-change");
        allowChange.setLabel(getTranslation("vote.field.allow-change"));
    }

    /** When it opens and closes: from now, for two weeks, unless changed. */
    private void configureTimes(Clock clock) {
        LocalDateTime now =
                LocalDateTime.ofInstant(clock.instant(), Formats.zone()).truncatedTo(ChronoUnit.MINUTES);
        org.openplaza.portal.layout.Pickers.localised(opensAt);
        org.openplaza.portal.layout.Pickers.localised(closesAt);
        opensAt.setId("vote-opens");
        opensAt.setLabel(getTranslation("vote.field.opens"));
        opensAt.setValue(now);
        opensAt.setDatePlaceholder(getTranslation("vote.field.date"));
        opensAt.setTimePlaceholder(getTranslation("vote.field.time"));
        opensAt.setDateAriaLabel(getTranslation("vote.field.opens-date"));
        opensAt.setTimeAriaLabel(getTranslation("vote.field.opens-time"));
        closesAt.setId("vote-closes");
        closesAt.setLabel(getTranslation("vote.field.closes"));
        closesAt.setValue(now.plusDays(14));
        closesAt.setDatePlaceholder(getTranslation("vote.field.date"));
        closesAt.setTimePlaceholder(getTranslation("vote.field.time"));
        closesAt.setDateAriaLabel(getTranslation("vote.field.closes-date"));
        closesAt.setTimeAriaLabel(getTranslation("vote.field.closes-time"));
    }

    /** Who may vote and what carries it: districts, minimum age, quorum and threshold. */
    private void configureRules() {
        districts.setId("vote-districts");
        districts.setLabel(getTranslation("vote.field.districts"));
        districts.setHelperText(getTranslation("vote.field.districts.help"));
        minAge.setId("vote-min-age");
        minAge.setLabel(getTranslation("vote.field.min-age"));
        minAge.setMin(0);
        minAge.setMax(120);
        quorum.setId("vote-quorum");
        quorum.setLabel(getTranslation("vote.field.quorum"));
        quorum.setHelperText(getTranslation("vote.field.quorum.help"));
        threshold.setId("vote-threshold");
        threshold.setLabel(getTranslation("vote.field.threshold"));
        threshold.setHelperText(getTranslation("vote.field.threshold.help"));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<String> proposal =
                event.getLocation().getQueryParameters().getParameters().getOrDefault("proposal", List.of());
        proposalId = null;
        about.setText(getTranslation("vote.editor.free"));
        if (!proposal.isEmpty()) {
            try {
                long id = Long.parseLong(proposal.get(0));
                proposals.find(id).ifPresent(p -> {
                    proposalId = p.id();
                    about.setText(getTranslation("vote.editor.on-proposal", p.title()));
                    if (question.isEmpty()) {
                        question.setValue(getTranslation("vote.editor.default-question", p.title()));
                    }
                });
            } catch (NumberFormatException e) {
                // an address not made by the portal: a vote on no proposal
            }
        }
    }

    /** Shows the fields the chosen method uses and tells how to write its options. */
    private void fit() {
        Method m = method.getValue();
        maxChoices.setVisible(m == Method.APPROVAL);
        budget.setVisible(m == Method.BUDGET);
        threshold.setVisible(m != Method.BUDGET);
        options.setHelperText(
                getTranslation(m == Method.BUDGET ? "vote.field.options.budget-help" : "vote.field.options.help"));
        if (m == Method.YES_NO) {
            options.setValue(String.join(
                    "\n", getTranslation("vote.yes"), getTranslation("vote.no"), getTranslation("vote.abstain")));
            options.setReadOnly(true);
        } else {
            if (options.isReadOnly()) {
                options.setValue("");
            }
            options.setReadOnly(false);
        }
    }

    private List<VoteSpec.Option> parseOptions() {
        List<VoteSpec.Option> parsed = new ArrayList<>();
        for (String line : options.getValue().split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            if (method.getValue() == Method.BUDGET) {
                int bar = line.lastIndexOf('|');
                Long cost = null;
                if (bar > 0) {
                    try {
                        cost = Long.parseLong(line.substring(bar + 1).strip().replace(",", ""));
                    } catch (NumberFormatException e) {
                        throw VotingException.on("options", "vote.error.costs");
                    }
                }
                parsed.add(new VoteSpec.Option(bar > 0 ? line.substring(0, bar).strip() : line.strip(), cost));
            } else {
                parsed.add(new VoteSpec.Option(line.strip(), null));
            }
        }
        return parsed;
    }

    private void open() {
        List<HasValidation> fields =
                List.of(question, options, maxChoices, budget, opensAt, closesAt, districts, minAge, quorum, threshold);
        fields.forEach(f -> f.setInvalid(false));
        try {
            if (opensAt.getValue() == null || closesAt.getValue() == null) {
                throw VotingException.on("closesAt", "vote.error.window");
            }
            Set<String> places = new LinkedHashSet<>();
            Arrays.stream(districts.getValue().split(","))
                    .map(String::strip)
                    .filter(d -> !d.isEmpty())
                    .forEach(places::add);
            Long money = null;
            if (method.getValue() == Method.BUDGET && !budget.getValue().isBlank()) {
                try {
                    money = Long.parseLong(budget.getValue().strip());
                } catch (NumberFormatException e) {
                    throw VotingException.on("budget", "vote.error.costs");
                }
            }
            Instant opens = opensAt.getValue().atZone(Formats.zone()).toInstant();
            Instant closes = closesAt.getValue().atZone(Formats.zone()).toInstant();
            long id = votes.open(new VoteSpec(
                    proposalId,
                    question.getValue().strip(),
                    method.getValue(),
                    parseOptions(),
                    method.getValue() == Method.APPROVAL ? maxChoices.getValue() : null,
                    money,
                    allowChange.getValue(),
                    opens,
                    closes,
                    new VoteSpec.Eligibility(places, minAge.getValue()),
                    new VoteSpec.Rules(
                            quorum.getValue(), method.getValue() == Method.BUDGET ? null : threshold.getValue())));
            getUI().ifPresent(ui -> ui.navigate(VoteView.class, id));
        } catch (Refusal refusal) {
            HasValidation field = switch (refusal.field() == null ? "" : refusal.field()) {
                case "question" -> question;
                case "options" -> options;
                case "maxChoices" -> maxChoices;
                case "budget" ->
                    method.getValue() == Method.BUDGET && budget.getValue().isBlank() ? budget : options;
                case "minAge" -> minAge;
                case "districts" -> districts;
                case "rules" -> quorum;
                case "closesAt" -> closesAt;
                default -> question;
            };
            field.setErrorMessage(
                    getTranslation(refusal.messageKey(), refusal.arguments().toArray()));
            field.setInvalid(true);
        }
    }

    @Override
    public String getPageTitle() {
        return Titles.of(this, "vote.editor.title");
    }
}
