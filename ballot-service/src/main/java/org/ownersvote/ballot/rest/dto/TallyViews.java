package org.ownersvote.ballot.rest.dto;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.ownersvote.ballot.counting.TallySignoff;
import org.ownersvote.ballot.domain.tally.CountingProgress;
import org.ownersvote.ballot.domain.tally.Tally;
import org.ownersvote.ballot.service.TallyService;
import org.ownersvote.platform.text.TextRules;

/** The tally as counters, scrutineers and (after publication) everyone see it, and what they send about it. */
public final class TallyViews {

    private TallyViews() {
    }

    public record Signoff(String scrutineer, String ledgerHash, boolean agrees, String note, OffsetDateTime signedAt) {
        static Signoff of(TallySignoff s) {
            return new Signoff(s.scrutineer, s.ledgerHash, s.agrees, s.note, s.signedAt);
        }
    }

    /**
     * @param provisional true until the chief scrutineer finalizes: the figures may still change
     */
    public record TallyView(String electionId, boolean provisional, OffsetDateTime finalizedAt, String ledgerHash,
            String genesisHash, CountingProgress counting, List<Signoff> signoffs, int requiredSignoffs,
            Tally tally) {
        public static TallyView of(TallyService.Standing s) {
            return new TallyView(s.election().id.toString(), s.frozen() == null,
                    s.frozen() == null ? null : s.frozen().finalizedAt, s.ledgerHash(), s.genesisHash(), s.counting(),
                    s.signoffs().stream().map(Signoff::of).toList(), s.requiredSignoffs(), s.tally());
        }
    }

    public record Lots(@NotEmpty @Size(min = 2, max = 50) List<@NotBlank String> candidateIdsInDrawnOrder,
            @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 50) @Pattern(regexp = TextRules.LINE,
                    message = TextRules.LINE_MESSAGE) String> witnesses) {
    }

    /**
     * A scrutineer's sign-off: the attestation code the verifier printed after it recomputed the ledger and every
     * figure and found them agreeing ({@code TallyAttestation} says how it is made). A code that does not match the
     * tally as it stands is refused and nothing is recorded, unless the scrutineer deliberately records a
     * disagreement ({@code disagree} with a note saying what differs; the attestation may then be left out, since a
     * verifier that finds differences prints no code).
     */
    public record SignoffRequest(
            @Pattern(regexp = "[0-9a-fA-F]{64}", message = "field.attestation-format") String attestation,
            boolean disagree,
            @Size(max = 1000) @Pattern(regexp = TextRules.NOTE, message = TextRules.NOTE_MESSAGE) String note) {
    }

    public record SignoffResult(boolean agrees, String ledgerHash, long agreeingSignoffs, int requiredSignoffs) {
        public static SignoffResult of(TallyService.SignedOff s) {
            return new SignoffResult(s.agrees(), s.ledgerHash(), s.agreeingSignoffs(), s.requiredSignoffs());
        }
    }
}
