package org.ownersvote.events.election;

/**
 * The order of an election's phases as the events name them ({@link ElectionPhase}), for a copy of the phase kept as
 * its name. A service that keeps its own copy of the phase moves it only forward: a late or redelivered event never
 * takes it back (e.g. voting-opened arriving after the close that ballot-service already applied). FAILED ends an
 * election from any phase.
 */
public final class PhaseOrder {

    private PhaseOrder() {
    }

    /** Whether moving from {@code current} to {@code next} goes forward (an unknown current phase: yes). */
    public static boolean isForward(String current, String next) {
        ElectionPhase to = ElectionPhase.of(next);
        for (ElectionPhase from : ElectionPhase.values()) {
            if (from.name().equals(current)) {
                return to.isForwardFrom(from);
            }
        }
        return true;
    }
}
