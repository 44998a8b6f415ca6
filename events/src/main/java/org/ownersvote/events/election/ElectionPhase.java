package org.ownersvote.events.election;

/**
 * An election's phase as election-service's events name it ({@code phase-changed.v1}'s from and to), in order: the
 * one reading of those names for every service that keeps a copy of the phase. election-service's own Phase has the
 * same names (its ElectionPhaseNamesTest pins that). FAILED ends an election from any phase.
 */
public enum ElectionPhase {
    DRAFT, NOMINATION, CANDIDATE_PUBLICITY, VOTING, COUNTING, RESULT_PUBLICITY, CLOSED, FAILED;

    /** The phase an event names; a name no phase has is a broken event. */
    public static ElectionPhase of(String name) {
        for (ElectionPhase phase : values()) {
            if (phase.name().equals(name)) {
                return phase;
            }
        }
        throw new IllegalArgumentException("not a phase: " + name);
    }

    /**
     * Whether a copy at {@code current} moves to this phase: only forward, so a late or redelivered event never takes
     * it back (e.g. voting-opened arriving after the close that ballot-service already applied). No copy yet: yes.
     */
    public boolean isForwardFrom(ElectionPhase current) {
        return current == null || ordinal() > current.ordinal();
    }
}
