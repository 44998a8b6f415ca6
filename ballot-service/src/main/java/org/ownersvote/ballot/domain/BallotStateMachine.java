package org.ownersvote.ballot.domain;

import java.time.OffsetDateTime;
import java.util.Optional;

import org.ownersvote.platform.problem.Text;
import org.ownersvote.platform.problem.When;

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
     * @param endedAt             when voting ended (closed, or its deadline passed), named in a refusal; null while
     *                            voting runs or when unknown
     */
    public record Context(boolean votingOpen, boolean workingGroup, boolean reasonGiven, boolean countOpen,
            boolean receivedBeforeClose, OffsetDateTime endedAt) {

        public Context(boolean votingOpen, boolean workingGroup, boolean reasonGiven, boolean countOpen,
                boolean receivedBeforeClose) {
            this(votingOpen, workingGroup, reasonGiven, countOpen, receivedBeforeClose, null);
        }

        /** A step while voting runs (or after the count, when nothing is recorded any more). */
        public Context(boolean votingOpen, boolean workingGroup, boolean reasonGiven) {
            this(votingOpen, workingGroup, reasonGiven, false, false, null);
        }
    }

    static final Text VOTED_ONLINE = Text.of("step.voted-online");
    static final Text ALREADY_RETURNED = Text.of("step.already-returned");
    static final Text NEVER_HANDED_OUT = Text.of("step.never-handed-out");

    private BallotStateMachine() {
    }

    /** The state after the step, or the reason it is refused. */
    public static Result apply(BallotStatus from, BallotAction action, Context context) {
        if (from == BallotStatus.VOIDED) {
            return refused(Text.of("step.voided"));
        }
        if (!context.votingOpen()) {
            if (action == BallotAction.RETURN && context.countOpen()) {
                return returnAfterClose(from, context);
            }
            return refused(votingClosed(action, context.endedAt()));
        }
        if (from == BallotStatus.CAST_ONLINE) {
            return refused(VOTED_ONLINE);
        }
        if (from == BallotStatus.RETURNED_LATE) {
            return refused(ALREADY_RETURNED);
        }
        return switch (action) {
            case HANDOUT -> switch (from) {
                case ISSUED, UNDELIVERABLE -> to(BallotStatus.HANDED_OUT);
                case HANDED_OUT -> refused(Text.of("step.already-handed-out"));
                default -> refused(ALREADY_RETURNED);
            };
            case UNDELIVERABLE -> from == BallotStatus.ISSUED ? to(BallotStatus.UNDELIVERABLE)
                    : refused(Text.of("step.undeliverable-not-issued", from.text()));
            case RETURN -> switch (from) {
                case HANDED_OUT -> to(BallotStatus.RETURNED);
                case RETURNED -> refused(ALREADY_RETURNED);
                default -> context.workingGroup() && context.reasonGiven() ? to(BallotStatus.RETURNED)
                        : refused(NEVER_HANDED_OUT);
            };
            case VOID -> !context.workingGroup() ? refused(Text.of("step.void-working-group-only"))
                    : from == BallotStatus.RETURNED ? refused(Text.of("step.returned-not-voidable"))
                    : !context.reasonGiven() ? refused(Text.of("step.void-needs-reason"))
                    : to(BallotStatus.VOIDED);
            case CAST -> switch (from) {
                case ISSUED, HANDED_OUT, UNDELIVERABLE -> to(BallotStatus.CAST_ONLINE);
                default -> refused(Text.of("step.paper-already-returned"));
            };
        };
    }

    /** A paper ballot recorded after the close: counted if it was received before it, kept as late otherwise. */
    private static Result returnAfterClose(BallotStatus from, Context context) {
        return switch (from) {
            case CAST_ONLINE -> refused(VOTED_ONLINE);
            case RETURNED, RETURNED_LATE -> refused(ALREADY_RETURNED);
            case HANDED_OUT -> to(context.receivedBeforeClose() ? BallotStatus.RETURNED : BallotStatus.RETURNED_LATE);
            default -> !context.receivedBeforeClose() ? to(BallotStatus.RETURNED_LATE)
                    : context.workingGroup() && context.reasonGiven() ? to(BallotStatus.RETURNED)
                    : refused(NEVER_HANDED_OUT);
        };
    }

    /** Voting is over: nothing more is recorded (nor voided), said with the moment it ended when it is known. */
    private static Text votingClosed(BallotAction action, OffsetDateTime endedAt) {
        if (action == BallotAction.VOID) {
            return endedAt == null ? Text.of("step.voting-closed-no-void")
                    : Text.of("step.voting-closed-no-void-at", When.of(endedAt.toInstant()));
        }
        if (action == BallotAction.CAST) {
            return endedAt == null ? Text.of("step.voting-closed-no-cast")
                    : Text.of("step.voting-closed-no-cast-at", When.of(endedAt.toInstant()));
        }
        return endedAt == null ? Text.of("step.voting-closed")
                : Text.of("step.voting-closed-at", When.of(endedAt.toInstant()));
    }

    /** Either the new state or the refusal, in words for the caller (english() for the audit log). */
    public record Result(Optional<BallotStatus> next, Text refusal) {
        public boolean allowed() {
            return next.isPresent();
        }
    }

    private static Result to(BallotStatus next) {
        return new Result(Optional.of(next), null);
    }

    private static Result refused(Text reason) {
        return new Result(Optional.empty(), reason);
    }
}
