package org.openplaza.voting;

/** How a vote is cast and counted. */
public enum Method {
    /** yes, no or abstain: options 1, 2 and 3 */
    YES_NO,
    /** one option */
    SINGLE,
    /** up to k options */
    APPROVAL,
    /** a ranking of the options, counted by instant runoff and by Schulze */
    RANKED,
    /** projects whose costs fit the budget */
    BUDGET
}
