package org.ownersvote.ballot.rest.dto;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.ownersvote.ballot.domain.tally.Tally;
import org.ownersvote.platform.text.TextRules;

/** The tally as counters, scrutineers and (after publication) everyone see it, and what they send about it. */
public final class TallyViews {

    private TallyViews() {
    }

    /** Where counting stands: returned paper ballots, how many are counted, waiting or in conflict. */
    public record CountingProgress(long returnedPaper, long countedPaper, long awaitingSecondEntry, long conflicts,
            long notYetEntered, long online, long ledgerLength) {
    }

    public record Signoff(String scrutineer, String ledgerHash, boolean agrees, String note, OffsetDateTime signedAt) {
    }

    /**
     * @param provisional true until the chief scrutineer finalizes: the figures may still change
     */
    public record TallyView(String electionId, boolean provisional, OffsetDateTime finalizedAt, String ledgerHash,
            String genesisHash, CountingProgress counting, List<Signoff> signoffs, int requiredSignoffs,
            Tally tally) {
    }

    public record Lots(@NotEmpty @Size(min = 2, max = 50) List<@NotBlank String> candidateIdsInDrawnOrder,
            @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 50) @Pattern(regexp = TextRules.LINE, message = TextRules.LINE_MESSAGE) String> witnesses) {
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
    }
}
