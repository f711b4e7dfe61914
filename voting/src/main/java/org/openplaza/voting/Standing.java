package org.openplaza.voting;

/** Whether the signed-in user may cast a ballot in a vote, and if not, why. */
public enum Standing {
    ELIGIBLE,
    /** voted already; may replace the ballot where the vote allows it */
    VOTED,
    SIGN_IN,
    NOT_CITIZEN,
    NOT_VERIFIED,
    OUTSIDE_DISTRICT,
    TOO_YOUNG,
    NOT_OPEN
}
