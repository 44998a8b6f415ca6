package org.ownersvote.ballot.domain.tally;

import java.math.BigDecimal;
import java.util.List;

/**
 * The result of counting, as TallyEngine computes it. Percentages are for display only (two decimals, half up);
 * every decision was taken on exact values.
 */
public record Tally(String rulePack, Figures electorate, Figures participation, BigDecimal participationAreaPercent,
        BigDecimal participationHeadsPercent, Quorum quorum, Invalid invalid, int overVoted,
        List<CandidateResult> candidates, List<MotionResult> motions, List<String> elected, List<String> alternates,
        int vacancies, boolean byElectionNeeded, List<Tie> ties, List<String> projectRules) {

    /** Units, area and headcount. */
    public record Figures(long units, BigDecimal area, long headcount) {
    }

    /** Quorum (参与表决): both tests, and which failed. */
    public record Quorum(boolean met, boolean areaMet, boolean headcountMet) {
    }

    /** Returned ballots that do not participate, by reason. */
    public record Invalid(int unsigned, int proxyWithoutAuthorization) {
    }

    public enum Outcome {
        ELECTED, ALTERNATE, TIE_LOTS_REQUIRED, PASSED_NOT_PLACED, NOT_PASSED
    }

    /**
     * @param conflictingPersons persons whose several ballots disagree on this candidate: they participate but are
     *                           not approving heads (project rule)
     * @param rank               among the passing candidates, by heads then area (equal figures share a rank);
     *                           0 when not passing
     */
    public record CandidateResult(String candidateId, long approvingHeads, BigDecimal approvingArea,
            BigDecimal headsPercent, BigDecimal areaPercent, boolean passes, int rank, Outcome outcome,
            List<String> conflictingPersons) {
    }

    public record MotionResult(String motionId, Threshold threshold, long approvingHeads, BigDecimal approvingArea,
            BigDecimal headsPercent, BigDecimal areaPercent, boolean passes, List<String> conflictingPersons) {
    }

    /**
     * Candidates with equal heads and area whose order decides a seat or an alternate place.
     *
     * @param decides SEAT or ALTERNATE
     * @param drawn   whether the working group's recorded drawing of lots settled it
     */
    public record Tie(List<String> candidateIds, String decides, boolean drawn) {
    }
}
