package org.ownersvote.ballot.domain;

import org.ownersvote.platform.problem.Text;

/**
 * An election's phase in words, for a message: "计票", not COUNTING. ballot-service keeps the phase as the string
 * election-service's events name it (events PhaseOrder); one it does not know (or none) is shown as it is.
 */
public final class Phases {

    private Phases() {
    }

    public static Text text(String phase) {
        return switch (phase) {
            case "DRAFT" -> Text.of("phase.draft");
            case "NOMINATION" -> Text.of("phase.nomination");
            case "CANDIDATE_PUBLICITY" -> Text.of("phase.candidate-publicity");
            case "VOTING" -> Text.of("phase.voting");
            case "COUNTING" -> Text.of("phase.counting");
            case "RESULT_PUBLICITY" -> Text.of("phase.result-publicity");
            case "CLOSED" -> Text.of("phase.closed");
            case "FAILED" -> Text.of("phase.failed");
            default -> Text.of("phase.other", phase);
        };
    }
}
