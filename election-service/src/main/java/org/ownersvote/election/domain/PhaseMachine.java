package org.ownersvote.election.domain;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which phase may follow which (DOMAIN.md "Lifecycle"), and what must be true before the move. The guards written
 * so far: the roster is imported and the committee size fits its area before NOMINATION; at least as many approved
 * candidates as seats before CANDIDATE_PUBLICITY.
 */
public final class PhaseMachine {

    private static final Map<Phase, Set<Phase>> NEXT = new EnumMap<>(Phase.class);

    static {
        NEXT.put(Phase.DRAFT, EnumSet.of(Phase.NOMINATION));
        NEXT.put(Phase.NOMINATION, EnumSet.of(Phase.CANDIDATE_PUBLICITY));
        NEXT.put(Phase.CANDIDATE_PUBLICITY, EnumSet.of(Phase.VOTING));
        NEXT.put(Phase.VOTING, EnumSet.of(Phase.COUNTING));
        NEXT.put(Phase.COUNTING, EnumSet.of(Phase.RESULT_PUBLICITY, Phase.FAILED));
        NEXT.put(Phase.RESULT_PUBLICITY, EnumSet.of(Phase.CLOSED));
        NEXT.put(Phase.CLOSED, EnumSet.noneOf(Phase.class));
        NEXT.put(Phase.FAILED, EnumSet.noneOf(Phase.class));
    }

    /** What the guards look at. */
    public record Facts(RulePack rulePack, int seats, int alternates, int rosterUnits, BigDecimal electorateArea,
            int approvedCandidates) {
    }

    /** Why a move is refused: the phases that may follow, and the condition that is not met (if the move is legal). */
    public record Refusal(Set<Phase> allowed, String reason) {
    }

    private PhaseMachine() {
    }

    public static Set<Phase> allowedNext(Phase from) {
        return NEXT.get(from);
    }

    public static Optional<Refusal> check(Phase from, Phase to, Facts facts) {
        Set<Phase> allowed = allowedNext(from);
        if (!allowed.contains(to)) {
            return Optional.of(new Refusal(allowed, from + " cannot move to " + to));
        }
        String unmet = switch (to) {
            case NOMINATION -> nominationUnmet(facts);
            case CANDIDATE_PUBLICITY -> facts.approvedCandidates() < facts.seats()
                    ? "at least " + facts.seats() + " approved candidates are needed (" + facts.approvedCandidates()
                            + " approved)"
                    : null;
            default -> null;
        };
        return unmet == null ? Optional.empty() : Optional.of(new Refusal(allowed, unmet));
    }

    private static String nominationUnmet(Facts facts) {
        if (facts.rosterUnits() == 0) {
            return "the roster must be imported before nomination opens";
        }
        List<String> size = facts.rulePack().committeeSizeViolations(facts.seats(), facts.alternates(),
                Optional.of(facts.electorateArea()));
        return size.isEmpty() ? null : String.join("; ", size);
    }
}
