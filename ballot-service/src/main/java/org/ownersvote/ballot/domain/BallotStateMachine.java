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
 * A unit votes once: its paper ballot returned, or its vote cast online, and never both.
 */
public final class BallotStateMachine {

    /**
     * @param votingOpen   the election is VOTING and its deadline has not passed
     * @param workingGroup the step is recorded by the working group rather than a building leader
     * @param reasonGiven  a reason accompanies the step
     */
    public record Context(boolean votingOpen, boolean workingGroup, boolean reasonGiven) {
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
            return refused(action == BallotAction.VOID
                    ? "voting is closed: the set of ballots is fixed for the count, so none is voided or reissued any "
                            + "more"
                    : "voting is closed: no handout, undeliverable, return or online vote can be recorded any more");
        }
        if (from == BallotStatus.CAST_ONLINE) {
            return refused(VOTED_ONLINE);
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
