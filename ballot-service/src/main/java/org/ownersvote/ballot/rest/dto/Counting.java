package org.ownersvote.ballot.rest.dto;

import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.ownersvote.ballot.counting.BallotCount;
import org.ownersvote.ballot.domain.Mark;
import org.ownersvote.ballot.domain.tally.Signature;
import org.ownersvote.ballot.service.CountingService;
import org.ownersvote.platform.text.TextRules;

/** What counters and scrutineers send and see while counting. */
public final class Counting {

    private Counting() {
    }

    /** A counter's entry of a returned paper ballot; a blank or unclear mark is left out (an abstention). */
    public record Entry(@NotBlank @Size(max = 30) String serial, @NotNull Signature signature,
            @NotNull @Size(max = 200) Map<String, Mark> marks, @Size(max = 100) Map<String, Mark> motions) {
    }

    /**
     * What the counter learns: whether theirs was the first or the second entry and the ballot's state — never the
     * other counter's marks.
     */
    public record EntryResult(String serial, int entryNumber, BallotCount.State state) {
    }

    public record EnteredMarks(long entryId, String counter, Signature signature, Map<String, Mark> marks,
            Map<String, Mark> motions) {
        static EnteredMarks of(CountingService.Entry e) {
            return new EnteredMarks(e.entryId(), e.counter(), e.content().signature(), e.content().marks(),
                    e.content().motions());
        }
    }

    /** A ballot whose two entries disagree, both side by side, for a scrutineer. */
    public record Conflict(String serial, String building, String unit, List<EnteredMarks> entries) {
        public static Conflict of(CountingService.Conflict c) {
            return new Conflict(c.ballot().serial, c.ballot().building, c.ballot().unit,
                    c.entries().stream().map(EnteredMarks::of).toList());
        }
    }

    public record Resolution(@NotNull Signature signature, @NotNull @Size(max = 200) Map<String, Mark> marks,
            @Size(max = 100) Map<String, Mark> motions, @NotBlank @Size(max = 1000) @Pattern(regexp = TextRules.NOTE,
                    message = TextRules.NOTE_MESSAGE) String note) {
    }

    public record Resolved(String serial, BallotCount.State state, int ledgerPosition, String recordHash) {
    }
}
