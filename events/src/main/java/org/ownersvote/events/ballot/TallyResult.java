package org.ownersvote.events.ballot;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * The figures of a final tally, as the result notice prints them (real notices' table: total heads and area;
 * participating heads and area with percentages; per candidate approving heads and area with percentages; elected,
 * alternates, vacancies). Percentages are for display; every decision was taken on exact values.
 */
public record TallyResult(String rulePack, Figures electorate, Figures participation,
        BigDecimal participationHeadsPercent, BigDecimal participationAreaPercent, boolean quorumMet,
        boolean quorumHeadcountMet, boolean quorumAreaMet, List<Candidate> candidates, List<Motion> motions,
        int vacancies) {

    public record Figures(long units, BigDecimal area, long headcount) {
    }

    /** @param outcome ELECTED, ALTERNATE, PASSED_NOT_PLACED or NOT_PASSED */
    public record Candidate(UUID candidateId, String name, String building, String unit, long approvingHeads,
            BigDecimal approvingArea, BigDecimal headsPercent, BigDecimal areaPercent, String outcome) {
    }

    public record Motion(UUID motionId, String title, String threshold, long approvingHeads, BigDecimal approvingArea,
            BigDecimal headsPercent, BigDecimal areaPercent, boolean passes) {
    }
}
