package org.ownersvote.ballot.domain.tally;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ownersvote.ballot.domain.Mark;
import org.ownersvote.ballot.domain.tally.Tally.Outcome;

class TallyEngineTest {

    /** The worked example of the counting rules: rule pack CN-2021, 3 seats, 0 alternates, candidates A B C D. */
    @Test
    void theWorkedExampleGivesExactlyItsNumbers() {
        List<TallyInput.Unit> electorate = List.of(unit("1", "101", "100.00", "P1"), unit("1", "102", "80.00", "P2"),
                unit("1", "201", "120.00", "P3"), unit("1", "202", "90.00", "P3"),
                unit("2", "101", "60.00", "DEVELOPER"), unit("2", "102", "60.00", "DEVELOPER"),
                unit("2", "201", "110.00", "P4"), unit("2", "202", "70.00", "P5"));
        List<TallyInput.Ballot> ballots = List.of(ballot("1", "101", "YYN."), ballot("1", "102", "Y.YY"),
                ballot("1", "201", "YY.Y"), ballot("1", "202", "YN.Y"), ballot("2", "101", ".YYY"),
                ballot("2", "201", "YYYY"));
        Tally t = TallyEngine.compute(rules(3, 0, "A", "B", "C", "D"), electorate, ballots, List.of());

        assertEquals(new Tally.Figures(8, new BigDecimal("690.00"), 6), t.electorate());
        assertEquals(new Tally.Figures(6, new BigDecimal("560.00"), 5), t.participation());
        assertTrue(t.quorum().met());
        assertEquals(new BigDecimal("81.16"), t.participationAreaPercent());
        assertEquals(new BigDecimal("83.33"), t.participationHeadsPercent());
        assertEquals(1, t.overVoted());
        assertCandidate(t, "A", 3, "390.00", true, Outcome.ELECTED);
        assertCandidate(t, "B", 2, "280.00", false, Outcome.NOT_PASSED);
        assertEquals(List.of("P3"), candidate(t, "B").conflictingPersons(), "P3's ballots disagree on B");
        assertCandidate(t, "C", 2, "140.00", false, Outcome.NOT_PASSED);
        assertCandidate(t, "D", 3, "350.00", true, Outcome.ELECTED);
        assertEquals(List.of("A", "D"), t.elected());
        assertEquals(1, t.vacancies());
        assertTrue(t.byElectionNeeded());
        assertEquals(1, candidate(t, "A").rank());
        assertEquals(2, candidate(t, "D").rank());
    }

    @Test
    void quorumFailsOnAreaAloneAndOnHeadsAlone() {
        // heads 2 of 3 (met), area 100 of 400 (not met)
        Tally byArea = TallyEngine.compute(rules(1, 0, "A"),
                List.of(unit("1", "1", "50.00", "P1"), unit("1", "2", "50.00", "P2"), unit("1", "3", "300.00", "P3")),
                List.of(ballot("1", "1", "Y"), ballot("1", "2", "Y")), List.of());
        assertEquals(new Tally.Quorum(false, false, true), byArea.quorum());
        assertFalse(candidate(byArea, "A").passes(), "no one is elected without quorum");
        assertEquals(List.of(), byArea.elected());
        // area 300 of 400 (met), heads 1 of 3 (not met)
        Tally byHeads = TallyEngine.compute(rules(1, 0, "A"),
                List.of(unit("1", "1", "50.00", "P1"), unit("1", "2", "50.00", "P2"), unit("1", "3", "300.00", "P3")),
                List.of(ballot("1", "3", "Y")), List.of());
        assertEquals(new Tally.Quorum(false, true, false), byHeads.quorum());
        assertEquals(List.of(), byHeads.elected());
    }

    @Test
    void exactlyTwoThirdsParticipationMeetsTheQuorum() {
        Tally t = TallyEngine.compute(rules(1, 0, "A"), List.of(unit("1", "1", "100.00", "P1"),
                unit("1", "2", "100.00", "P2"), unit("1", "3", "100.00", "P3")),
                List.of(ballot("1", "1", "Y"), ballot("1", "2", "Y")), List.of());
        assertEquals(new Tally.Quorum(true, true, true), t.quorum());
        // and 0.01 m² less is not enough
        Tally below = TallyEngine.compute(rules(1, 0, "A"), List.of(unit("1", "1", "100.00", "P1"),
                unit("1", "2", "99.99", "P2"), unit("1", "3", "100.00", "P3")),
                List.of(ballot("1", "1", "Y"), ballot("1", "2", "Y")), List.of());
        assertFalse(below.quorum().areaMet());
    }

    @Test
    void noMotionPassesWithoutQuorumHoweverManyApprove() {
        Map<String, Threshold> motions = new LinkedHashMap<>();
        motions.put("repair-fund", Threshold.SPECIAL);
        motions.put("rules", Threshold.MAJORITY);
        TallyInput.Rules rules = new TallyInput.Rules("CN-2021", 1, 0, List.of(), motions);
        List<TallyInput.Unit> electorate = List.of(unit("1", "1", "300.00", "P1"), unit("1", "2", "50.00", "P2"),
                unit("1", "3", "50.00", "P3"));
        // P1 alone: 300.00 of 400.00 m² is quorum by area, 1 of 3 heads is not; every participant approves both
        Tally byHeads = TallyEngine.compute(rules, electorate, List.of(motion("1", "1", "Y")), List.of());
        assertEquals(new Tally.Quorum(false, true, false), byHeads.quorum());
        for (Tally.MotionResult m : byHeads.motions()) {
            assertEquals(1, m.approvingHeads(), m.motionId());
            assertEquals(new BigDecimal("100.00"), m.headsPercent(), m.motionId());
            assertFalse(m.passes(), m.motionId() + " passes without quorum");
        }
        // P2 and P3: 2 of 3 heads is quorum by heads, 100.00 of 400.00 m² is not
        Tally byArea = TallyEngine.compute(rules, electorate, List.of(motion("1", "2", "Y"), motion("1", "3", "Y")),
                List.of());
        assertEquals(new Tally.Quorum(false, false, true), byArea.quorum());
        assertTrue(byArea.motions().stream().noneMatch(Tally.MotionResult::passes));
    }

    @Test
    void approvingHeadsOfExactlyHalfFail() {
        // 4 persons participate; A is approved by 2 of them, who hold 200.00 of the 220.00 m²
        Map<String, Threshold> motions = Map.of("rules", Threshold.MAJORITY);
        TallyInput.Rules rules = new TallyInput.Rules("CN-2021", 1, 0, List.of("A"), motions);
        List<TallyInput.Unit> electorate = List.of(unit("1", "1", "100.00", "P1"), unit("1", "2", "100.00", "P2"),
                unit("1", "3", "10.00", "P3"), unit("1", "4", "10.00", "P4"));
        List<TallyInput.Ballot> ballots = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            Mark mark = i <= 2 ? Mark.APPROVE : Mark.OPPOSE;
            ballots.add(new TallyInput.Ballot("1-" + i, "1", "" + i, Signature.OWNER, Map.of("A", mark),
                    Map.of("rules", mark)));
        }
        Tally t = TallyEngine.compute(rules, electorate, ballots, List.of());
        assertTrue(t.quorum().met());
        assertEquals(2, candidate(t, "A").approvingHeads());
        assertEquals(new BigDecimal("50.00"), candidate(t, "A").headsPercent());
        assertFalse(candidate(t, "A").passes(), "2 of 4 heads is not more than half");
        assertEquals(Outcome.NOT_PASSED, candidate(t, "A").outcome());
        assertFalse(t.motions().get(0).passes(), "nor for a MAJORITY motion");
        assertFalse(Threshold.MAJORITY.met(2, 4, new BigDecimal("200.00"), new BigDecimal("220.00")));
        assertTrue(Threshold.MAJORITY.met(3, 5, new BigDecimal("200.00"), new BigDecimal("220.00")));
    }

    @Test
    void aSecondCountedBallotForOneUnitStopsTheEngine() {
        List<TallyInput.Unit> electorate = List.of(unit("1", "1", "100.00", "P1"), unit("1", "2", "100.00", "P2"));
        List<TallyInput.Ballot> ballots = List.of(ballot("1", "1", "Y"), ballot("1", "2", "N"),
                new TallyInput.Ballot("1-1-replacement", "1", "1", Signature.OWNER, Map.of("A", Mark.APPROVE),
                        Map.of()));
        IllegalArgumentException stopped = assertThrows(IllegalArgumentException.class,
                () -> TallyEngine.compute(rules(1, 0, "A"), electorate, ballots, List.of()));
        assertEquals("a second counted ballot for 1 1", stopped.getMessage());
    }

    @Test
    void anElectorateListingAUnitTwiceStopsTheEngine() {
        List<TallyInput.Unit> electorate = List.of(unit("1", "1", "100.00", "P1"), unit("1", "1", "90.00", "P9"));
        IllegalArgumentException stopped = assertThrows(IllegalArgumentException.class,
                () -> TallyEngine.compute(rules(1, 0, "A"), electorate, List.of(ballot("1", "1", "Y")), List.of()));
        assertEquals("the electorate lists 1 1 twice", stopped.getMessage());
    }

    @Test
    void ballotsAddedOneByOneGiveTheTallyOfAllOfThemAtOnce() {
        List<TallyInput.Unit> electorate = List.of(unit("1", "1", "100.00", "P1"), unit("1", "2", "80.50", "P1"),
                unit("1", "3", "70.25", "P3"), unit("1", "4", "60.00", "P4"));
        List<TallyInput.Ballot> ballots = List.of(ballot("1", "1", "YN"), ballot("1", "2", "NN"),
                ballot("1", "3", "YY"), ballot("1", "4", "Y"));
        TallyEngine.Count count = TallyEngine.begin(rules(2, 0, "A", "B"), electorate);
        ballots.forEach(count::add);
        Tally oneByOne = count.tally(List.of());
        assertEquals(TallyEngine.compute(rules(2, 0, "A", "B"), electorate, ballots, List.of()), oneByOne);
        assertEquals(List.of("P1"), oneByOne.candidates().get(0).conflictingPersons());
        assertEquals(2, oneByOne.candidates().get(0).approvingHeads());
        assertEquals(new BigDecimal("230.25"), oneByOne.candidates().get(0).approvingArea());
    }

    @Test
    void approvingAreaOfExactlyHalfFails() {
        // 4 persons participate; A approved by 3 heads but exactly half the area
        Tally t = TallyEngine.compute(rules(1, 0, "A"), List.of(unit("1", "1", "50.00", "P1"),
                unit("1", "2", "25.00", "P2"), unit("1", "3", "25.00", "P3"), unit("1", "4", "100.00", "P4")),
                List.of(ballot("1", "1", "Y"), ballot("1", "2", "Y"), ballot("1", "3", "Y"), ballot("1", "4", "N")),
                List.of());
        assertEquals(new BigDecimal("100.00"), candidate(t, "A").approvingArea());
        assertFalse(candidate(t, "A").passes());
        assertEquals(new BigDecimal("50.00"), candidate(t, "A").areaPercent());
    }

    @Test
    void aSpecialMotionPassesAtExactlyThreeQuartersAndFailsJustBelow() {
        List<TallyInput.Unit> electorate = List.of(unit("1", "1", "30.00", "P1"), unit("1", "2", "30.00", "P2"),
                unit("1", "3", "15.00", "P3"), unit("1", "4", "25.00", "P4"));
        Map<String, Threshold> motions = new LinkedHashMap<>();
        motions.put("repair-fund", Threshold.SPECIAL);
        motions.put("rules", Threshold.MAJORITY);
        TallyInput.Rules rules = new TallyInput.Rules("CN-2021", 1, 0, List.of(), motions);
        // P1–P3 approve: 3 of 4 heads, 75.00 of 100.00 m²
        Tally exactly = TallyEngine.compute(rules, electorate, List.of(motion("1", "1", "Y"), motion("1", "2", "Y"),
                motion("1", "3", "Y"), motion("1", "4", "N")), List.of());
        assertTrue(exactly.motions().get(0).passes(), "3/4 of heads and area, exactly");
        assertTrue(exactly.motions().get(1).passes());
        // 0.01 m² less area approving
        List<TallyInput.Unit> less = List.of(unit("1", "1", "30.00", "P1"), unit("1", "2", "30.00", "P2"),
                unit("1", "3", "14.99", "P3"), unit("1", "4", "25.01", "P4"));
        Tally below = TallyEngine.compute(rules, less, List.of(motion("1", "1", "Y"), motion("1", "2", "Y"),
                motion("1", "3", "Y"), motion("1", "4", "N")), List.of());
        assertFalse(below.motions().get(0).passes(), "74.99 m² of 100.00 is below 3/4");
        assertTrue(below.motions().get(1).passes(), "an ordinary motion needs only more than half");
    }

    @Test
    void anOverVotedBallotParticipatesButApprovesNoCandidateWhileItsMotionsCount() {
        Map<String, Threshold> motions = Map.of("m", Threshold.MAJORITY);
        TallyInput.Rules rules = new TallyInput.Rules("CN-2021", 1, 0, List.of("A", "B"), motions);
        TallyInput.Ballot over = new TallyInput.Ballot("s", "1", "1", Signature.OWNER,
                Map.of("A", Mark.APPROVE, "B", Mark.APPROVE), Map.of("m", Mark.APPROVE));
        Tally t = TallyEngine.compute(rules, List.of(unit("1", "1", "100.00", "P1")), List.of(over), List.of());
        assertEquals(1, t.participation().headcount());
        assertEquals(0, candidate(t, "A").approvingHeads());
        assertEquals(new BigDecimal("0"), candidate(t, "A").approvingArea().stripTrailingZeros());
        assertTrue(t.motions().get(0).passes());
        assertEquals(1, t.overVoted());
    }

    @Test
    void unsignedAndUnauthorizedProxyBallotsDoNotParticipate() {
        List<TallyInput.Unit> electorate = List.of(unit("1", "1", "100.00", "P1"), unit("1", "2", "100.00", "P2"),
                unit("1", "3", "100.00", "P3"));
        List<TallyInput.Ballot> ballots = List.of(ballot("1", "1", "Y"),
                new TallyInput.Ballot("s2", "1", "2", Signature.NONE, Map.of("A", Mark.APPROVE), Map.of()),
                new TallyInput.Ballot("s3", "1", "3", Signature.PROXY_WITHOUT_AUTHORIZATION,
                        Map.of("A", Mark.APPROVE), Map.of()));
        Tally t = TallyEngine.compute(rules(1, 0, "A"), electorate, ballots, List.of());
        assertEquals(new Tally.Figures(1, new BigDecimal("100.00"), 1), t.participation());
        assertEquals(new Tally.Invalid(1, 1), t.invalid());
        assertFalse(t.quorum().met());
        // a proxy with the written authorization is valid
        Tally proxy = TallyEngine.compute(rules(1, 0, "A"), electorate, List.of(ballot("1", "1", "Y"),
                new TallyInput.Ballot("s2", "1", "2", Signature.PROXY_WITH_AUTHORIZATION, Map.of("A", Mark.APPROVE),
                        Map.of())),
                List.of());
        assertEquals(2, proxy.participation().headcount());
    }

    @Test
    void aTieForTheLastSeatAsksForLotsAndTheRecordedDrawSettlesIt() {
        // 2 seats; A 4 heads; B and C 3 heads and 300.00 m² each: tied for the second seat
        List<TallyInput.Unit> electorate = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            electorate.add(unit("1", "" + i, "100.00", "P" + i));
        }
        List<TallyInput.Ballot> ballots = List.of(ballot("1", "1", "YY."), ballot("1", "2", "Y.Y"),
                ballot("1", "3", ".YY"), ballot("1", "4", "YY."), ballot("1", "5", "Y.Y"));
        Tally t = TallyEngine.compute(rules(2, 0, "A", "B", "C"), electorate, ballots, List.of());
        assertEquals(List.of("A"), t.elected());
        assertEquals(Outcome.TIE_LOTS_REQUIRED, candidate(t, "B").outcome());
        assertEquals(Outcome.TIE_LOTS_REQUIRED, candidate(t, "C").outcome());
        assertEquals(List.of(new Tally.Tie(List.of("B", "C"), "SEAT", false)), t.ties());
        assertEquals(0, t.vacancies(), "the seat is not vacant: it waits for the lots");
        assertEquals(2, candidate(t, "B").rank());
        assertEquals(2, candidate(t, "C").rank());

        Tally drawn = TallyEngine.compute(rules(2, 0, "A", "B", "C"), electorate, ballots,
                List.of(new TallyInput.Draw(List.of("C", "B"))));
        assertEquals(List.of("A", "C"), drawn.elected());
        assertEquals(Outcome.PASSED_NOT_PLACED, candidate(drawn, "B").outcome());
        assertEquals(List.of(new Tally.Tie(List.of("B", "C"), "SEAT", true)), drawn.ties());
    }

    @Test
    void aTieForTheLastAlternatePlaceAsksForLotsAndTheRecordedDrawSettlesIt() {
        // 3 seats, 1 alternate, 7 owners approving at most 3 each; all five pass with 4 heads of 7:
        // A 433.00, B 432.00, C 431.00 m² take the seats; D and E, 406.00 m² each, tie for the alternate place
        String[] areas = { "103.00", "102.00", "101.00", "100.00", "110.00", "110.00", "110.00" };
        String[] marks = { "Y..YY", ".Y.YY", "..YYY", "...YY", "YYY..", "YYY..", "YYY.." };
        List<TallyInput.Unit> electorate = new ArrayList<>();
        List<TallyInput.Ballot> ballots = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            electorate.add(unit("1", "" + i, areas[i], "P" + i));
            ballots.add(ballot("1", "" + i, marks[i]));
        }
        Tally t = TallyEngine.compute(rules(3, 1, "A", "B", "C", "D", "E"), electorate, ballots, List.of());
        assertEquals(List.of("A", "B", "C"), t.elected());
        assertEquals(List.of(), t.alternates(), "no one takes the alternate place before the lots");
        assertEquals(Outcome.TIE_LOTS_REQUIRED, candidate(t, "D").outcome());
        assertEquals(Outcome.TIE_LOTS_REQUIRED, candidate(t, "E").outcome());
        assertEquals(List.of(new Tally.Tie(List.of("D", "E"), "ALTERNATE", false)), t.ties());
        assertEquals(4, candidate(t, "D").rank());
        assertEquals(4, candidate(t, "E").rank());
        assertEquals(0, t.vacancies());

        Tally drawn = TallyEngine.compute(rules(3, 1, "A", "B", "C", "D", "E"), electorate, ballots,
                List.of(new TallyInput.Draw(List.of("E", "D"))));
        assertEquals(List.of("A", "B", "C"), drawn.elected());
        assertEquals(List.of("E"), drawn.alternates());
        assertEquals(Outcome.PASSED_NOT_PLACED, candidate(drawn, "D").outcome());
        assertEquals(List.of(new Tally.Tie(List.of("D", "E"), "ALTERNATE", true)), drawn.ties());
    }

    @Test
    void alternatesFollowTheElectedInRankOrderByHeadsThenArea() {
        // 7 owners, 3 approvals each; A 5 heads; B, C, D, E 4 heads each with different areas
        String[] areas = { "101.00", "102.00", "103.00", "104.00", "105.00", "106.50", "107.00" };
        String[] marks = { "YYY..", "YY.Y.", "Y.Y.Y", "Y..YY", "YY..Y", ".YYY.", "..YYY" };
        List<TallyInput.Unit> electorate = new ArrayList<>();
        List<TallyInput.Ballot> ballots = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            electorate.add(unit("1", "" + i, areas[i], "P" + i));
            ballots.add(ballot("1", "" + i, marks[i]));
        }
        Tally t = TallyEngine.compute(rules(3, 1, "A", "B", "C", "D", "E"), electorate, ballots, List.of());
        // D 419.50, E 419.00, C 417.50, B 414.50
        assertEquals(List.of("A", "D", "E"), t.elected());
        assertEquals(List.of("C"), t.alternates());
        assertEquals(Outcome.PASSED_NOT_PLACED, candidate(t, "B").outcome());
        assertEquals(List.of(1, 5, 4, 2, 3), t.candidates().stream().map(Tally.CandidateResult::rank).toList());
        assertEquals(0, t.vacancies());
    }

    @Test
    void seatsWithoutAPassingCandidateAreVacant() {
        Tally t = TallyEngine.compute(rules(3, 0, "A", "B"), List.of(unit("1", "1", "100.00", "P1"),
                unit("1", "2", "100.00", "P2"), unit("1", "3", "100.00", "P3")),
                List.of(ballot("1", "1", "YN"), ballot("1", "2", "YN"), ballot("1", "3", "NN")), List.of());
        assertEquals(List.of("A"), t.elected());
        assertEquals(2, t.vacancies());
        assertTrue(t.byElectionNeeded());
    }

    @Test
    void percentagesHaveTwoDecimalsRoundedHalfUp() {
        assertEquals(new BigDecimal("78.56"), TallyEngine.percent(905, 1152));
        assertEquals(new BigDecimal("74.88"), TallyEngine.percent(new BigDecimal("93449.08"),
                new BigDecimal("124799.30")));
        assertEquals(new BigDecimal("0.00"), TallyEngine.percent(0, 0));
    }

    // --- helpers

    private static TallyInput.Rules rules(int seats, int alternates, String... candidates) {
        return new TallyInput.Rules("CN-2021", seats, alternates, List.of(candidates), Map.of());
    }

    private static TallyInput.Unit unit(String building, String unit, String area, String person) {
        return new TallyInput.Unit(building, unit, new BigDecimal(area), person);
    }

    /** Marks per candidate in order A, B, C, …: Y approve, N oppose, . blank. */
    private static TallyInput.Ballot ballot(String building, String unit, String marks) {
        return new TallyInput.Ballot(building + "-" + unit, building, unit, Signature.OWNER, marks("ABCDEFG", marks),
                Map.of());
    }

    /** A ballot marking both motions of the motion test the same way. */
    private static TallyInput.Ballot motion(String building, String unit, String mark) {
        Mark m = mark.equals("Y") ? Mark.APPROVE : Mark.OPPOSE;
        return new TallyInput.Ballot(building + "-" + unit, building, unit, Signature.OWNER, Map.of(),
                Map.of("repair-fund", m, "rules", m));
    }

    private static Map<String, Mark> marks(String ids, String marks) {
        Map<String, Mark> result = new HashMap<>();
        for (int i = 0; i < marks.length(); i++) {
            String id = String.valueOf(ids.charAt(i));
            if (marks.charAt(i) == 'Y') {
                result.put(id, Mark.APPROVE);
            } else if (marks.charAt(i) == 'N') {
                result.put(id, Mark.OPPOSE);
            }
        }
        return result;
    }

    private static Tally.CandidateResult candidate(Tally t, String id) {
        return t.candidates().stream().filter(c -> c.candidateId().equals(id)).findFirst().orElseThrow();
    }

    private static void assertCandidate(Tally t, String id, long heads, String area, boolean passes, Outcome outcome) {
        Tally.CandidateResult c = candidate(t, id);
        assertEquals(heads, c.approvingHeads(), id + " heads");
        assertEquals(new BigDecimal(area), c.approvingArea(), id + " area");
        assertEquals(passes, c.passes(), id + " passes");
        assertEquals(outcome, c.outcome(), id + " outcome");
    }
}
