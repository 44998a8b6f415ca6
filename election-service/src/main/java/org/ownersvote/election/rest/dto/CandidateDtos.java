package org.ownersvote.election.rest.dto;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.ownersvote.election.Candidate;
import org.ownersvote.election.Objection;
import org.ownersvote.election.domain.RosterValidator;

/** Requests and views of nomination, review and objections. */
public final class CandidateDtos {

    private CandidateDtos() {
    }

    /** A unit of the roster, as building and unit label. */
    public record UnitRef(@NotBlank @Size(max = RosterValidator.MAX_BUILDING) String building,
            @NotBlank @Size(max = RosterValidator.MAX_UNIT) String unit) {
    }

    /** One paper recommendation form (推荐表) as the working group records it. */
    public record NominationRequest(
            @NotNull @Valid UnitRef unit,
            @NotBlank @Size(max = RosterValidator.MAX_OWNER_NAME) String name,
            @Size(max = 500) String statement,
            @NotEmpty @Size(max = 500) List<@NotNull @Valid UnitRef> nominators,
            @NotNull Boolean commitmentReceived) {
    }

    public record ReviewRequest(@NotNull Candidate.Status decision, Candidate.ReasonCategory reasonCategory,
            @Size(max = 1000) String reason) {
    }

    public record ObjectionRequest(UUID candidateId, @NotNull @Valid UnitRef objectingUnit,
            @NotBlank @Size(max = 2000) String text) {
    }

    public record AnswerRequest(@NotBlank @Size(max = 2000) String answer) {
    }

    public record CandidateView(UUID id, String name, String building, String unit, String statement,
            boolean commitmentReceived, Candidate.Status status, Candidate.ReasonCategory reasonCategory, String reason,
            int nominators, OffsetDateTime decidedAt) {

        public static CandidateView of(Candidate c, int nominators) {
            return new CandidateView(c.id, c.name, c.building, c.unit, c.statement, c.commitmentReceived, c.status,
                    c.reasonCategory, c.reason, nominators, c.decidedAt);
        }
    }

    public record ObjectionView(UUID id, UUID candidateId, String building, String unit, String text,
            OffsetDateTime lodgedAt, String answer, OffsetDateTime answeredAt) {

        public static ObjectionView of(Objection o) {
            return new ObjectionView(o.id, o.candidateId, o.building, o.unit, o.text, o.lodgedAt, o.answer,
                    o.answeredAt);
        }
    }

    /** The candidate list in ballot order (surname strokes), with the objections lodged against it. */
    public record CandidateList(List<CandidateView> candidates, List<ObjectionView> objections) {
    }
}
