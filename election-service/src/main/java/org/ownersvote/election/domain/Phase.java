package org.ownersvote.election.domain;

/** The phases of one election (the order is PhaseMachine's). */
public enum Phase {
    DRAFT, NOMINATION, CANDIDATE_PUBLICITY, VOTING, COUNTING, RESULT_PUBLICITY, CLOSED, FAILED;

    /** While an election is in one of these, its community's roster changes only by amendment. */
    public static final java.util.Set<Phase> ROSTER_FROZEN = java.util.EnumSet.of(NOMINATION, CANDIDATE_PUBLICITY,
            VOTING, COUNTING, RESULT_PUBLICITY);

    /** From voting on, not even an amendment may change the roster. */
    public boolean votingOpened() {
        return this == VOTING || this == COUNTING || this == RESULT_PUBLICITY || this == CLOSED || this == FAILED;
    }
}
