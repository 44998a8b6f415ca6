package org.ownersvote.ballot.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ownersvote.platform.problem.Text;

class OnlineBallotRulesTest {

    static final List<String> CANDIDATES = List.of("a", "b", "c");
    static final List<String> MOTIONS = List.of("m");

    @Test
    void aCompleteVoteWithinTheSeatsIsAccepted() {
        assertEquals(List.of(), OnlineBallotRules.check(CANDIDATES, MOTIONS, 2,
                Map.of("a", Mark.APPROVE, "b", Mark.APPROVE, "c", Mark.OPPOSE), Map.of("m", Mark.ABSTAIN)));
    }

    @Test
    void moreApprovalsThanSeatsAreRefusedRatherThanCountedAsNoApproval() {
        assertEquals(List.of(new OnlineBallotRules.Refusal("marks", Text.of("vote.too-many-approvals", 3L, 2))),
                OnlineBallotRules.check(CANDIDATES, MOTIONS, 2,
                        Map.of("a", Mark.APPROVE, "b", Mark.APPROVE, "c", Mark.APPROVE), Map.of("m", Mark.APPROVE)));
    }

    @Test
    void everyCandidateAndMotionMustBeMarkedAndNothingElse() {
        List<OnlineBallotRules.Refusal> refusals = OnlineBallotRules.check(CANDIDATES, MOTIONS, 2,
                Map.of("a", Mark.APPROVE, "x", Mark.APPROVE), Map.of());
        assertEquals(List.of("marks.b", "marks.c", "marks.x", "motions.m"),
                refusals.stream().map(OnlineBallotRules.Refusal::field).sorted().toList());
    }
}
