package org.openplaza.proposals;

/**
 * The rules administrators set: how many verified citizens' supports qualify a citizen proposal
 * and within how many days of publishing, and the limits against spam.
 */
public record ParticipationSettings(
        int supportThreshold, int supportWindowDays, int proposalsPerDay, int commentsPerMinute) {}
