package org.ownersvote.ballot.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.OffsetDateTime;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.ownersvote.platform.problem.ProblemTexts;
import org.ownersvote.platform.problem.Text;

class BallotStateMachineTest {

    static final BallotStateMachine.Context LEADER = new BallotStateMachine.Context(true, false, false);
    static final BallotStateMachine.Context WORKING_GROUP_WITH_REASON = new BallotStateMachine.Context(true, true,
            true);
    static final BallotStateMachine.Context CLOSED = new BallotStateMachine.Context(false, true, true);

    @Test
    void aBallotGoesFromIssuedToHandedOutToReturned() {
        assertEquals(Optional.of(BallotStatus.HANDED_OUT),
                BallotStateMachine.apply(BallotStatus.ISSUED, BallotAction.HANDOUT, LEADER).next());
        assertEquals(Optional.of(BallotStatus.RETURNED),
                BallotStateMachine.apply(BallotStatus.HANDED_OUT, BallotAction.RETURN, LEADER).next());
    }

    @Test
    void anUndeliverableBallotCanStillBeHandedOutWhenTheOwnerIsFound() {
        assertEquals(Optional.of(BallotStatus.UNDELIVERABLE),
                BallotStateMachine.apply(BallotStatus.ISSUED, BallotAction.UNDELIVERABLE, LEADER).next());
        assertEquals(Optional.of(BallotStatus.HANDED_OUT),
                BallotStateMachine.apply(BallotStatus.UNDELIVERABLE, BallotAction.HANDOUT, LEADER).next());
    }

    @Test
    void aSecondReturnIsRefused() {
        assertEquals(Text.of("step.already-returned"),
                BallotStateMachine.apply(BallotStatus.RETURNED, BallotAction.RETURN, WORKING_GROUP_WITH_REASON)
                        .refusal());
    }

    @Test
    void aVoidedBallotAcceptsNothing() {
        for (BallotAction action : BallotAction.values()) {
            assertEquals(Text.of("step.voided"),
                    BallotStateMachine.apply(BallotStatus.VOIDED, action, WORKING_GROUP_WITH_REASON).refusal());
        }
    }

    @Test
    void nothingIsRecordedAfterVotingClosedNotEvenAVoid() {
        assertFalse(BallotStateMachine.apply(BallotStatus.ISSUED, BallotAction.HANDOUT, CLOSED).allowed());
        assertFalse(BallotStateMachine.apply(BallotStatus.HANDED_OUT, BallotAction.RETURN, CLOSED).allowed());
        assertFalse(BallotStateMachine.apply(BallotStatus.ISSUED, BallotAction.UNDELIVERABLE, CLOSED).allowed());
        // the count needs a fixed set of ballots: no replacement is issued once voting closed
        assertFalse(BallotStateMachine.apply(BallotStatus.ISSUED, BallotAction.VOID, CLOSED).allowed());
        assertFalse(BallotStateMachine.apply(BallotStatus.HANDED_OUT, BallotAction.VOID, CLOSED).allowed());
    }

    @Test
    void afterTheCloseOnlyReturnsAreRecordedAndWhatCountsIsWhenTheBallotWasReceived() {
        BallotStateMachine.Context receivedBefore = new BallotStateMachine.Context(false, false, false, true, true);
        BallotStateMachine.Context receivedAfter = new BallotStateMachine.Context(false, false, false, true, false);
        assertEquals(Optional.of(BallotStatus.RETURNED),
                BallotStateMachine.apply(BallotStatus.HANDED_OUT, BallotAction.RETURN, receivedBefore).next());
        assertEquals(Optional.of(BallotStatus.RETURNED_LATE),
                BallotStateMachine.apply(BallotStatus.HANDED_OUT, BallotAction.RETURN, receivedAfter).next());
        assertFalse(BallotStateMachine.apply(BallotStatus.ISSUED, BallotAction.HANDOUT, receivedBefore).allowed());
        assertFalse(BallotStateMachine.apply(BallotStatus.ISSUED, BallotAction.CAST, receivedBefore).allowed());
        assertFalse(BallotStateMachine.apply(BallotStatus.CAST_ONLINE, BallotAction.RETURN, receivedBefore).allowed());
        assertFalse(BallotStateMachine.apply(BallotStatus.RETURNED_LATE, BallotAction.RETURN, receivedBefore)
                .allowed(), "returned once, late or not");
        // never handed out: the working group, with a reason, may still record one received before the close
        assertFalse(BallotStateMachine.apply(BallotStatus.ISSUED, BallotAction.RETURN, receivedBefore).allowed());
        assertEquals(Optional.of(BallotStatus.RETURNED), BallotStateMachine.apply(BallotStatus.ISSUED,
                BallotAction.RETURN, new BallotStateMachine.Context(false, true, true, true, true)).next());
        // once the count is over, nothing
        assertFalse(BallotStateMachine.apply(BallotStatus.HANDED_OUT, BallotAction.RETURN, CLOSED).allowed());
    }

    @Test
    void aReturnNeverRecordedAsHandedOutNeedsTheWorkingGroupAndAReason() {
        assertFalse(BallotStateMachine.apply(BallotStatus.ISSUED, BallotAction.RETURN, LEADER).allowed());
        assertFalse(BallotStateMachine.apply(BallotStatus.ISSUED, BallotAction.RETURN,
                new BallotStateMachine.Context(true, true, false)).allowed());
        assertEquals(Optional.of(BallotStatus.RETURNED),
                BallotStateMachine.apply(BallotStatus.ISSUED, BallotAction.RETURN, WORKING_GROUP_WITH_REASON).next());
    }

    @Test
    void onlyTheWorkingGroupVoidsAndNeverAReturnedBallot() {
        assertEquals(Text.of("step.void-working-group-only"),
                BallotStateMachine.apply(BallotStatus.HANDED_OUT, BallotAction.VOID, LEADER).refusal());
        assertEquals(Text.of("step.returned-not-voidable"),
                BallotStateMachine.apply(BallotStatus.RETURNED, BallotAction.VOID, WORKING_GROUP_WITH_REASON)
                        .refusal());
    }

    @Test
    void aHandoutOfAHandedOutOrReturnedBallotIsRefused() {
        assertEquals(Text.of("step.already-handed-out"),
                BallotStateMachine.apply(BallotStatus.HANDED_OUT, BallotAction.HANDOUT, LEADER).refusal());
        assertEquals(Text.of("step.already-returned"),
                BallotStateMachine.apply(BallotStatus.RETURNED, BallotAction.HANDOUT, LEADER).refusal());
    }

    @Test
    void anOwnerVotesOnlineOnceAndOnlyWhileThePaperBallotIsOut() {
        for (BallotStatus from : new BallotStatus[] { BallotStatus.ISSUED, BallotStatus.HANDED_OUT,
                BallotStatus.UNDELIVERABLE }) {
            assertEquals(Optional.of(BallotStatus.CAST_ONLINE),
                    BallotStateMachine.apply(from, BallotAction.CAST, LEADER).next(), from.name());
        }
        assertEquals(Text.of("step.paper-already-returned"),
                BallotStateMachine.apply(BallotStatus.RETURNED, BallotAction.CAST, LEADER).refusal());
        assertFalse(BallotStateMachine.apply(BallotStatus.HANDED_OUT, BallotAction.CAST, CLOSED).allowed());
    }

    @Test
    void afterAnOnlineVoteThePaperBallotIsRefusedWhatEverIsRecorded() {
        for (BallotAction action : BallotAction.values()) {
            assertEquals(BallotStateMachine.VOTED_ONLINE,
                    BallotStateMachine.apply(BallotStatus.CAST_ONLINE, action, WORKING_GROUP_WITH_REASON).refusal(),
                    action.name());
        }
    }

    @Test
    void aRefusalAfterTheCloseNamesWhenVotingEndedInBeijingTime() {
        OffsetDateTime ended = OffsetDateTime.parse("2026-12-14T10:05:00Z");
        BallotStateMachine.Context closed = new BallotStateMachine.Context(false, false, false, false, false, ended);
        Text refusal = BallotStateMachine.apply(BallotStatus.HANDED_OUT, BallotAction.CAST, closed).refusal();
        assertEquals("step.voting-closed-no-cast-at", refusal.key());
        assertEquals("投票已于2026年12月14日 18:05（北京时间）截止，不能再网上投票",
                refusal.in(ProblemTexts.CHINESE));
        assertEquals("voting is closed (it ended at 18:05 on 14 December 2026, Beijing time): online votes are no "
                + "longer accepted", refusal.english());
        assertEquals("已发放", BallotStatus.HANDED_OUT.text().in(ProblemTexts.CHINESE));
    }
}
