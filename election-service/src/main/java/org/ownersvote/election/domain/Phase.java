package org.ownersvote.election.domain;

import java.util.EnumSet;
import java.util.Set;

import org.ownersvote.platform.problem.Text;

/** The phases of one election (the order is PhaseMachine's). */
public enum Phase {
    DRAFT, NOMINATION, CANDIDATE_PUBLICITY, VOTING, COUNTING, RESULT_PUBLICITY, CLOSED, FAILED;

    /** While an election is in one of these, its community's roster changes only by amendment. */
    public static final Set<Phase> ROSTER_FROZEN = EnumSet.of(NOMINATION, CANDIDATE_PUBLICITY,
            VOTING, COUNTING, RESULT_PUBLICITY);

    /** From voting on, not even an amendment may change the roster. */
    public boolean votingOpened() {
        return this == VOTING || this == COUNTING || this == RESULT_PUBLICITY || this == CLOSED || this == FAILED;
    }

    /** The phase's name in a person's words ("计票", not COUNTING). */
    public Text words() {
        return switch (this) {
            case DRAFT -> Text.of("phase.draft");
            case NOMINATION -> Text.of("phase.nomination");
            case CANDIDATE_PUBLICITY -> Text.of("phase.candidate-publicity");
            case VOTING -> Text.of("phase.voting");
            case COUNTING -> Text.of("phase.counting");
            case RESULT_PUBLICITY -> Text.of("phase.result-publicity");
            case CLOSED -> Text.of("phase.closed");
            case FAILED -> Text.of("phase.failed");
        };
    }
}
