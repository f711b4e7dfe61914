package org.openplaza.portal.votes;

import com.vaadin.flow.component.Component;
import java.util.List;
import org.openplaza.voting.Method;
import org.openplaza.voting.VoteInfo;
import org.openplaza.voting.VoteSpec;

/** The names of a vote's options as shown: a yes/no vote's answers in the reader's language. */
final class VoteLabels {

    private static final List<String> YES_NO = List.of("vote.yes", "vote.no", "vote.abstain");

    private VoteLabels() {}

    /** The yes/no answer at this position in the reader's language, or the stored text elsewhere. */
    static String yesNo(Component c, int position, String stored) {
        return position >= 0 && position < YES_NO.size() ? c.getTranslation(YES_NO.get(position)) : stored;
    }

    /** Every option of the vote as shown to the reader. */
    static List<String> of(Component c, VoteInfo vote) {
        List<String> stored =
                vote.options().stream().map(VoteSpec.Option::label).toList();
        if (vote.method() != Method.YES_NO) {
            return stored;
        }
        return java.util.stream.IntStream.range(0, stored.size())
                .mapToObj(i -> yesNo(c, i, stored.get(i)))
                .toList();
    }
}
