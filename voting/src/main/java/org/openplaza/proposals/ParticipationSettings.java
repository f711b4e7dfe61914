package org.openplaza.proposals;

import org.jspecify.annotations.Nullable;

/**
 * The rules administrators set: how many verified citizens' supports qualify a citizen proposal
 * (a number, or a share of the verified citizens in per mille when that is more) and within how
 * many days of publishing, and the limits against spam.
 */
public record ParticipationSettings(
        int supportThreshold,
        int supportWindowDays,
        int proposalsPerDay,
        int commentsPerMinute,
        @Nullable Integer supportSharePermille) {

    public ParticipationSettings(
            int supportThreshold, int supportWindowDays, int proposalsPerDay, int commentsPerMinute) {
        this(supportThreshold, supportWindowDays, proposalsPerDay, commentsPerMinute, null);
    }

    /** The threshold a proposal published now gets, with this many verified citizens. */
    public int thresholdFor(long verifiedCitizens) {
        if (supportSharePermille == null) {
            return supportThreshold;
        }
        long share = (verifiedCitizens * supportSharePermille + 999) / 1000;
        return (int) Math.max(supportThreshold, Math.min(share, Integer.MAX_VALUE));
    }
}
