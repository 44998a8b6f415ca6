package org.ownersvote.ballot.domain.tally;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.ownersvote.ballot.domain.Mark;

/** Everything a tally is computed from: the frozen electorate, the election's rules, the counted ballots. */
public final class TallyInput {

    private TallyInput() {
    }

    /** A counted unit of the electorate. {@code personKey} is the same for every unit of one person. */
    public record Unit(String building, String unit, BigDecimal area, String personKey) {
    }

    /** The rules of this election: rule pack, seats, alternates, the candidates and motions on the ballot. */
    public record Rules(String rulePack, int seats, int alternates, List<String> candidateIds,
            Map<String, Threshold> motions) {
    }

    /** A ballot as counted: from its unit, who signed it, and its marks (a missing mark is an abstention). */
    public record Ballot(String serial, String building, String unit, Signature signature, Map<String, Mark> marks,
            Map<String, Mark> motions) {
    }

    /** The order in which lots were drawn among tied candidates, as the working group recorded it. */
    public record Draw(List<String> candidateIdsInDrawnOrder) {
    }
}
