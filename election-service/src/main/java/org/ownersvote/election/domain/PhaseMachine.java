package org.ownersvote.election.domain;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.ownersvote.platform.problem.Text;
import org.ownersvote.platform.problem.When;

/**
 * Which phase may follow which, and what must be true before each move:
 * <ul>
 * <li>NOMINATION: the roster is imported and the committee size is lawful for its area;</li>
 * <li>CANDIDATE_PUBLICITY: at least as many approved candidates as seats;</li>
 * <li>VOTING: no unanswered objection, and the candidate list's publicity period over: the rule pack's minimum of
 * whole days (15: 物业管理条例 §14, 上海 §16) counted as the law counts them (platform Periods), so voting opens at the
 * earliest at 24:00 of the period's last day, Beijing time — drills have no minimum periods;</li>
 * <li>COUNTING: the voting deadline has passed, or the working group closes voting early with a reason;</li>
 * <li>RESULT_PUBLICITY: ballot-service's final tally has arrived and says the quorum was met;</li>
 * <li>FAILED: the final tally says the quorum was not met.</li>
 * </ul>
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

    /**
     * What the guards look at.
     *
     * @param publicityEndsAt        the end of the candidate list's publicity period (platform Periods), from which
     *                               voting may open
     * @param closingEarlyWithReason the working group gave a reason to close voting before the deadline
     * @param quorumMet              what the final tally said of the quorum; null until it arrives
     */
    public record Facts(RulePack rulePack, boolean drill, int seats, int alternates, int rosterUnits,
            BigDecimal electorateArea, int approvedCandidates, int unansweredObjections, OffsetDateTime now,
            OffsetDateTime publicityEndsAt, OffsetDateTime votingDeadline, boolean closingEarlyWithReason,
            boolean finalTallyReceived, Boolean quorumMet) {
    }

    /** Why a move is refused: the phases that may follow, and the condition that is not met. */
    public record Refusal(Set<Phase> allowed, Text reason) {
    }

    private PhaseMachine() {
    }

    public static Set<Phase> allowedNext(Phase from) {
        return NEXT.get(from);
    }

    /**
     * The phases an election at {@code current} goes through, in order, as its timeline shows them: the whole path
     * to CLOSED, or for a failed election (it fails only from counting) the path to COUNTING and then FAILED.
     */
    public static List<Phase> path(Phase current) {
        List<Phase> main = List.of(Phase.DRAFT, Phase.NOMINATION, Phase.CANDIDATE_PUBLICITY,
                Phase.VOTING, Phase.COUNTING, Phase.RESULT_PUBLICITY, Phase.CLOSED);
        if (current != Phase.FAILED) {
            return main;
        }
        List<Phase> failed = new ArrayList<>(main.subList(0, main.indexOf(Phase.COUNTING) + 1));
        failed.add(Phase.FAILED);
        return List.copyOf(failed);
    }

    public static Optional<Refusal> check(Phase from, Phase to, Facts facts) {
        Set<Phase> allowed = allowedNext(from);
        if (!allowed.contains(to)) {
            return Optional.of(new Refusal(allowed, Text.of("transition.not-next")));
        }
        Text unmet = switch (to) {
            case NOMINATION -> nominationUnmet(facts);
            case CANDIDATE_PUBLICITY -> facts.approvedCandidates() < facts.seats()
                    ? Text.of("transition.too-few-candidates", facts.seats(), facts.approvedCandidates())
                    : null;
            case VOTING -> votingUnmet(facts);
            case COUNTING -> facts.now().isBefore(facts.votingDeadline()) && !facts.closingEarlyWithReason()
                    ? Text.of("transition.voting-runs", When.of(facts.votingDeadline().toInstant()))
                    : null;
            case RESULT_PUBLICITY -> !facts.finalTallyReceived() ? Text.of("transition.no-final-tally")
                    : !Boolean.TRUE.equals(facts.quorumMet()) ? Text.of("transition.quorum-not-met")
                    : null;
            case FAILED -> !facts.finalTallyReceived() ? Text.of("transition.no-final-tally")
                    : Boolean.TRUE.equals(facts.quorumMet()) ? Text.of("transition.quorum-met") : null;
            default -> null;
        };
        return unmet == null ? Optional.empty() : Optional.of(new Refusal(allowed, unmet));
    }

    private static Text nominationUnmet(Facts facts) {
        if (facts.rosterUnits() == 0) {
            return Text.of("transition.no-roster");
        }
        List<Text> size = facts.rulePack().committeeSizeViolations(facts.seats(), facts.alternates(),
                Optional.of(facts.electorateArea()));
        return size.isEmpty() ? null : Text.of("transition.committee-size", Listing.sentences(size));
    }

    private static Text votingUnmet(Facts facts) {
        if (facts.unansweredObjections() > 0) {
            return Text.of("transition.objections-unanswered", facts.unansweredObjections());
        }
        if (!facts.drill()) {
            if (facts.now().isBefore(facts.publicityEndsAt())) {
                return Text.of("transition.publicity-running", facts.rulePack().minimumPublicityDays(),
                        When.of(facts.publicityEndsAt().toInstant()));
            }
        }
        return null;
    }
}
