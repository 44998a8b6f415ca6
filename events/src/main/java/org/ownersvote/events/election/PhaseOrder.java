package org.ownersvote.events.election;

import java.util.List;

/**
 * The order of an election's phases as the events name them. A service that keeps its own copy of the phase moves
 * it only forward: a late or redelivered event never takes it back (e.g. voting-opened arriving after the close
 * that ballot-service already applied). FAILED ends an election from any phase.
 */
public final class PhaseOrder {

    static final List<String> ORDER = List.of("DRAFT", "NOMINATION", "CANDIDATE_PUBLICITY", "VOTING", "COUNTING",
            "RESULT_PUBLICITY", "CLOSED", "FAILED");

    private PhaseOrder() {
    }

    /** Whether moving from {@code current} to {@code next} goes forward (an unknown current phase: yes). */
    public static boolean isForward(String current, String next) {
        int from = ORDER.indexOf(current);
        int to = ORDER.indexOf(next);
        if (to < 0) {
            throw new IllegalArgumentException("not a phase: " + next);
        }
        return from < 0 || to > from;
    }
}
