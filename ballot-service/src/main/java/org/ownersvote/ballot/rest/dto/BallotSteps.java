package org.ownersvote.ballot.rest.dto;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.ownersvote.ballot.Ballot;
import org.ownersvote.ballot.domain.BallotStatus;
import org.ownersvote.platform.text.TextRules;

/** What building leaders and the working group send and get back when recording ballot steps. */
public final class BallotSteps {

    private BallotSteps() {
    }

    public enum Relation { OWNER, FAMILY, PROXY, OTHER }

    public enum Method { IN_PERSON, MAILBOX, LEFT_AT_DOOR }

    public enum UndeliverableReason { VACANT, REFUSED, NO_CONTACT, OTHER }

    public enum Channel { BALLOT_BOX, DOOR_TO_DOOR, MAIL }

    public record Handout(
            @NotBlank @Size(max = 50) @Pattern(regexp = TextRules.LINE,
                    message = TextRules.LINE_MESSAGE) String recipientName,
            @NotNull Relation relation,
            @NotNull Method method, OffsetDateTime at) {
    }

    public record Undeliverable(@NotNull UndeliverableReason reason,
            @Size(max = 500) @Pattern(regexp = TextRules.NOTE, message = TextRules.NOTE_MESSAGE) String note) {
    }

    public record Return(@NotNull Channel channel, OffsetDateTime at,
            @Size(max = 500) @Pattern(regexp = TextRules.NOTE, message = TextRules.NOTE_MESSAGE) String reason) {
    }

    public record Void(
            @NotBlank @Size(max = 500) @Pattern(regexp = TextRules.NOTE,
                    message = TextRules.NOTE_MESSAGE) String reason) {
    }

    public record BallotView(String serial, String building, String unit, BallotStatus status, String replacesSerial) {
        public static BallotView of(Ballot b) {
            return new BallotView(b.serial, b.building, b.unit, b.status, b.replacesSerial);
        }
    }

    public record VoidResult(String voidedSerial, String replacementSerial) {
    }

    /** How many sources' wrong verification codes were forgotten when staff helped an owner sign in. */
    public record WrongCodesForgotten(String serial, long sources) {
    }

    /** Per building: units with a live ballot, and how many are in each state (returned on paper, or cast online). */
    public record BuildingProgress(String building, long units, long issued, long handedOut, long undeliverable,
            long returned, long castOnline) {
        public static BuildingProgress of(String building, Map<BallotStatus, Long> counts) {
            long units = counts.entrySet().stream().filter(e -> e.getKey() != BallotStatus.VOIDED)
                    .mapToLong(Map.Entry::getValue).sum();
            return new BuildingProgress(building, units, counts.getOrDefault(BallotStatus.ISSUED, 0L),
                    counts.getOrDefault(BallotStatus.HANDED_OUT, 0L),
                    counts.getOrDefault(BallotStatus.UNDELIVERABLE, 0L),
                    counts.getOrDefault(BallotStatus.RETURNED, 0L),
                    counts.getOrDefault(BallotStatus.CAST_ONLINE, 0L));
        }
    }

    public record Progress(List<BuildingProgress> buildings) {
    }

    /** @param toVisit ballots not yet handed out; @param toCollect ballots handed out and not yet returned */
    public record Worklist(String building, List<BallotView> toVisit, List<BallotView> toCollect) {
    }
}
