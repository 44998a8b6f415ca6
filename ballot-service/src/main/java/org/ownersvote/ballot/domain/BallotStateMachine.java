package org.ownersvote.ballot.domain;

import java.util.Optional;

/**
 * Which step may be recorded for a ballot in which state, and by whom. Every ballot must be accounted for: a step
 * that does not fit is refused with the reason, so "my ballot never arrived" and "that ballot was not mine" can be
 * answered from the record.
 * <ul>
 * <li>handout: of an issued ballot, or of one first marked undeliverable whose owner was found; while voting;</li>
 * <li>undeliverable: of an issued ballot; while voting;</li>
 * <li>return: of a handed-out ballot, once; of a ballot never recorded as handed out only by the working group,
 * with a reason; while voting;</li>
 * <li>void (lost or damaged; a new serial replaces it): by the working group, of any ballot not yet returned or
 * cast; while voting (once voting closed the set of ballots is fixed for the count);</li>
 * <li>cast (the owner's electronic vote): of a ballot whose paper has not come back; while voting.</li>
 * </ul>
 * After voting closed, while the count is open, only returns are recorded: what counts is when a ballot was
 * received, not when it was typed in. A return received before the close (its {@code at}, attested by who records
 * it: the working group opening the box before witnesses, a leader's last door-to-door batch) is RETURNED and
 * counted; one received at or after the close is RETURNED_LATE: kept on record, never counted.
 * A unit votes once: its paper ballot returned, or its vote cast online, and never both.
 */
public final class BallotStateMachine {

    /**
     * @param votingOpen          the election is VOTING, voting has not been closed and its deadline has not passed
     * @param workingGroup        the step is recorded by the working group rather than a building leader
     * @param reasonGiven         a reason accompanies the step
     * @param countOpen           voting has closed and the count is open (COUNTING, tally not final): returns
     *                            received earlier may still be recorded
     * @param receivedBeforeClose the step's {@code at} lies before the instant voting closed
     */
    public record Context(boolean votingOpen, boolean workingGroup, boolean reasonGiven, boolean countOpen,
            boolean receivedBeforeClose) {

        /** A step while voting runs (or after the count, when nothing is recorded any more). */
        public Context(boolean votingOpen, boolean workingGroup, boolean reasonGiven) {
            this(votingOpen, workingGroup, reasonGiven, false, false);
        }
    }

    static final String VOTED_ONLINE = "this unit has already voted online; a unit votes once, so its paper ballot "
            + "is not counted (set it aside)";

    private BallotStateMachine() {
    }

    /** The state after the step, or the reason it is refused. */
    public static Result apply(BallotStatus from, BallotAction action, Context context) {
        if (from == BallotStatus.VOIDED) {
            return refused("this ballot was voided and replaced; use the replacement serial");
        }
        if (!context.votingOpen()) {
            if (action == BallotAction.RETURN && context.countOpen()) {
                return returnAfterClose(from, context);
            }
            return refused(action == BallotAction.VOID
                    ? "voting is closed: the set of ballots is fixed for the count, so none is voided or reissued any "
                            + "more"
                    : "voting is closed: no handout, undeliverable, return or online vote can be recorded any more");
        }
        if (from == BallotStatus.CAST_ONLINE) {
            return refused(VOTED_ONLINE);
        }
        if (from == BallotStatus.RETURNED_LATE) {
            return refused("this ballot was already returned");
        }
        return switch (action) {
            case HANDOUT -> switch (from) {
                case ISSUED, UNDELIVERABLE -> to(BallotStatus.HANDED_OUT);
                case HANDED_OUT -> refused("this ballot was already handed out");
                default -> refused("this ballot was already returned");
            };
            case UNDELIVERABLE -> from == BallotStatus.ISSUED ? to(BallotStatus.UNDELIVERABLE)
                    : refused("only an issued ballot that was not handed out can be marked undeliverable (it is "
                            + from + ")");
            case RETURN -> switch (from) {
                case HANDED_OUT -> to(BallotStatus.RETURNED);
                case RETURNED -> refused("this ballot was already returned");
                default -> context.workingGroup() && context.reasonGiven() ? to(BallotStatus.RETURNED)
                        : refused("this ballot was never recorded as handed out; only the working group may record its "
                                + "return, with a reason");
            };
            case VOID -> !context.workingGroup() ? refused("only the working group may void a ballot")
                    : from == BallotStatus.RETURNED ? refused("a returned ballot cannot be voided")
                    : !context.reasonGiven() ? refused("voiding a ballot needs a reason")
                    : to(BallotStatus.VOIDED);
            case CAST -> switch (from) {
                case ISSUED, HANDED_OUT, UNDELIVERABLE -> to(BallotStatus.CAST_ONLINE);
                default -> refused("the paper ballot of this unit was already returned; a unit votes once, so it "
                        + "cannot also vote online");
            };
        };
    }

    /** A paper ballot recorded after the close: counted if it was received before it, kept as late otherwise. */
    private static Result returnAfterClose(BallotStatus from, Context context) {
        return switch (from) {
            case CAST_ONLINE -> refused(VOTED_ONLINE);
            case RETURNED, RETURNED_LATE -> refused("this ballot was already returned");
            case HANDED_OUT -> to(context.receivedBeforeClose() ? BallotStatus.RETURNED : BallotStatus.RETURNED_LATE);
            default -> !context.receivedBeforeClose() ? to(BallotStatus.RETURNED_LATE)
                    : context.workingGroup() && context.reasonGiven() ? to(BallotStatus.RETURNED)
                    : refused("this ballot was never recorded as handed out; only the working group may record its "
                            + "return, with a reason");
        };
    }

    /** Either the new state or the refusal. */
    public record Result(Optional<BallotStatus> next, String refusal) {
        public boolean allowed() {
            return next.isPresent();
        }
    }

    private static Result to(BallotStatus next) {
        return new Result(Optional.of(next), null);
    }

    private static Result refused(String reason) {
        return new Result(Optional.empty(), reason);
    }
}
