package org.ownersvote.election.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.ownersvote.platform.time.HolidayCalendar;
import org.ownersvote.platform.time.Periods;

class PhaseMachineTest {

    static final OffsetDateTime NOW = OffsetDateTime.of(2026, 5, 20, 9, 0, 0, 0, ZoneOffset.ofHours(8));

    /** Every guard satisfied: the only refusals left are illegal moves. */
    static PhaseMachine.Facts allMet() {
        return new PhaseMachine.Facts(RulePack.SH_2020, false, 5, 2, 900, new BigDecimal("86566.89"), 5, 0, NOW,
                NOW.minusSeconds(1), NOW.minusSeconds(1), false, true, true);
    }

    static PhaseMachine.Facts with(UnaryOperator<PhaseMachine.Facts> change) {
        return change.apply(allMet());
    }

    @Test
    void everyPhaseToEveryTargetIsAllowedOnlyAlongTheLifecycle() {
        Set<String> legal = Set.of("DRAFT>NOMINATION", "NOMINATION>CANDIDATE_PUBLICITY", "CANDIDATE_PUBLICITY>VOTING",
                "VOTING>COUNTING", "COUNTING>RESULT_PUBLICITY", "RESULT_PUBLICITY>CLOSED");
        for (Phase from : Phase.values()) {
            for (Phase to : Phase.values()) {
                PhaseMachine.Facts facts = to == Phase.FAILED ? with(f -> new PhaseMachine.Facts(f.rulePack(),
                        f.drill(), f.seats(), f.alternates(), f.rosterUnits(), f.electorateArea(),
                        f.approvedCandidates(), f.unansweredObjections(), f.now(), f.publicityEndsAt(),
                        f.votingDeadline(), f.closingEarlyWithReason(), true, false)) : allMet();
                Optional<PhaseMachine.Refusal> refusal = PhaseMachine.check(from, to, facts);
                boolean allowed = legal.contains(from + ">" + to) || (from == Phase.COUNTING && to == Phase.FAILED);
                assertEquals(allowed, refusal.isEmpty(), from + " → " + to + ": " + refusal);
                refusal.ifPresent(r -> assertEquals(PhaseMachine.allowedNext(from), r.allowed()));
            }
        }
        assertTrue(PhaseMachine.allowedNext(Phase.CLOSED).isEmpty());
        assertTrue(PhaseMachine.allowedNext(Phase.FAILED).isEmpty());
    }

    @Test
    void nominationNeedsAnImportedRoster() {
        assertEquals("the roster must be imported before nomination opens", reason(Phase.DRAFT, Phase.NOMINATION,
                with(f -> facts(f, "rosterUnits", 0))));
    }

    @Test
    void nominationChecksTheCommitteeSizeAgainstTheFrozenArea() {
        PhaseMachine.Facts small = new PhaseMachine.Facts(RulePack.SH_2020, false, 3, 0, 10,
                new BigDecimal("9999.99"), 0, 0, NOW, null, null, false, false, null);
        assertEquals(Optional.empty(), PhaseMachine.check(Phase.DRAFT, Phase.NOMINATION, small));
        PhaseMachine.Facts large = new PhaseMachine.Facts(RulePack.SH_2020, false, 3, 0, 10,
                new BigDecimal("10000.00"), 0, 0, NOW, null, null, false, false, null);
        assertTrue(PhaseMachine.check(Phase.DRAFT, Phase.NOMINATION, large).isPresent());
    }

    @Test
    void publicityNeedsAsManyApprovedCandidatesAsSeats() {
        assertEquals("at least 5 approved candidates are needed (4 approved)",
                reason(Phase.NOMINATION, Phase.CANDIDATE_PUBLICITY, with(f -> facts(f, "approved", 4))));
    }

    @Test
    void votingWaitsForEveryObjectionToBeAnswered() {
        assertEquals("1 objection(s) are not answered yet",
                reason(Phase.CANDIDATE_PUBLICITY, Phase.VOTING, with(f -> facts(f, "objections", 1))));
    }

    @Test
    void votingWaitsForTheEndOfThePublicityPeriodToTheMinute() {
        // published 1 December 2026 at 10:00 Beijing: 15 whole days 2–16 December, voting from 24:00 on 16 December
        OffsetDateTime end = PERIODS.end(OffsetDateTime.of(2026, 12, 1, 10, 0, 0, 0, ZoneOffset.ofHours(8)), 15);
        assertEquals(OffsetDateTime.of(2026, 12, 17, 0, 0, 0, 0, ZoneOffset.ofHours(8)).toInstant(), end.toInstant());
        PhaseMachine.Facts oneMinuteEarly = publicityEndingAt(end, end.minusMinutes(1));
        assertEquals("the candidate list must be public for 15 days first (voting may open from 24:00 on "
                + "16 December 2026, Beijing time)", reason(Phase.CANDIDATE_PUBLICITY, Phase.VOTING, oneMinuteEarly));
        assertEquals(Optional.empty(), PhaseMachine.check(Phase.CANDIDATE_PUBLICITY, Phase.VOTING,
                publicityEndingAt(end, end)));
        // the naive instant-plus-days reading would have allowed 16 December at 10:00
        assertTrue(PhaseMachine.check(Phase.CANDIDATE_PUBLICITY, Phase.VOTING,
                publicityEndingAt(end, end.minusHours(14))).isPresent());
    }

    @Test
    void aDrillHasNoMinimumPublicityPeriod() {
        PhaseMachine.Facts drill = with(f -> new PhaseMachine.Facts(f.rulePack(), true, f.seats(), f.alternates(),
                f.rosterUnits(), f.electorateArea(), f.approvedCandidates(), 0, NOW, NOW, f.votingDeadline(),
                false, false, null));
        assertEquals(Optional.empty(), PhaseMachine.check(Phase.CANDIDATE_PUBLICITY, Phase.VOTING, drill));
    }

    @Test
    void countingWaitsForTheDeadlineUnlessClosedEarlyWithAReason() {
        PhaseMachine.Facts running = with(f -> facts(f, "deadlineInHours", 1));
        assertTrue(reason(Phase.VOTING, Phase.COUNTING, running).startsWith("voting runs until"));
        PhaseMachine.Facts closedEarly = new PhaseMachine.Facts(running.rulePack(), false, 5, 2, 900,
                running.electorateArea(), 5, 0, NOW, running.publicityEndsAt(), running.votingDeadline(), true,
                false, null);
        assertEquals(Optional.empty(), PhaseMachine.check(Phase.VOTING, Phase.COUNTING, closedEarly));
    }

    @Test
    void theResultIsPublishedOnlyFromAFinalTallyThatMetTheQuorum() {
        assertEquals("the final tally has not arrived from ballot-service",
                reason(Phase.COUNTING, Phase.RESULT_PUBLICITY, with(f -> facts(f, "tally", null))));
        assertEquals("the final tally says the quorum was not met: the election fails",
                reason(Phase.COUNTING, Phase.RESULT_PUBLICITY, with(f -> facts(f, "tally", false))));
        assertEquals("the quorum was met: publish the result instead",
                reason(Phase.COUNTING, Phase.FAILED, with(f -> facts(f, "tally", true))));
        assertEquals("the final tally has not arrived from ballot-service",
                reason(Phase.COUNTING, Phase.FAILED, with(f -> facts(f, "tally", null))));
    }

    @Test
    void illegalMovesNameTheAllowedNextPhases() {
        assertEquals(EnumSet.of(Phase.NOMINATION),
                PhaseMachine.check(Phase.DRAFT, Phase.VOTING, allMet()).orElseThrow().allowed());
    }

    static final Periods PERIODS = new Periods(
            HolidayCalendar.shipped());

    private static PhaseMachine.Facts publicityEndingAt(OffsetDateTime end, OffsetDateTime now) {
        PhaseMachine.Facts f = allMet();
        return new PhaseMachine.Facts(f.rulePack(), false, f.seats(), f.alternates(), f.rosterUnits(),
                f.electorateArea(), f.approvedCandidates(), 0, now, end, f.votingDeadline(), false, false, null);
    }

    private static String reason(Phase from, Phase to, PhaseMachine.Facts facts) {
        return PhaseMachine.check(from, to, facts).orElseThrow().reason().english();
    }

    /** One fact changed, all others met. */
    private static PhaseMachine.Facts facts(PhaseMachine.Facts f, String which, Object value) {
        int rosterUnits = which.equals("rosterUnits") ? (Integer) value : f.rosterUnits();
        int approved = which.equals("approved") ? (Integer) value : f.approvedCandidates();
        int objections = which.equals("objections") ? (Integer) value : f.unansweredObjections();
        OffsetDateTime publicity = f.publicityEndsAt();
        OffsetDateTime deadline = which.equals("deadlineInHours") ? NOW.plusHours((Integer) value) : f.votingDeadline();
        boolean tallied = !which.equals("tally") || value != null;
        Boolean quorum = which.equals("tally") ? (Boolean) value : f.quorumMet();
        return new PhaseMachine.Facts(f.rulePack(), f.drill(), f.seats(), f.alternates(), rosterUnits,
                f.electorateArea(), approved, objections, f.now(), publicity, deadline, false, tallied, quorum);
    }
}
