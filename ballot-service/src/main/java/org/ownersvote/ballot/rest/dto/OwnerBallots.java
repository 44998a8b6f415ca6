package org.ownersvote.ballot.rest.dto;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.ownersvote.ballot.domain.BallotStatus;
import org.ownersvote.ballot.domain.Mark;
import org.ownersvote.ballot.repository.BallotRepository;
import org.ownersvote.events.election.BallotCandidate;
import org.ownersvote.events.election.BallotMotion;

/** What an owner sends and sees about their own ballot. */
public final class OwnerBallots {

    private OwnerBallots() {
    }

    /** The gateway's question at owner login. */
    public record Credentials(@NotBlank @Size(max = 30) String ballotSerial,
            @NotBlank @Size(max = 30) String verificationCode,
            @Size(max = 100) String clientAddress) {
    }

    /** The ballot the credentials open: what the owner token is scoped to. */
    public record Holder(String ballotSerial, UUID electionId, UUID communityId, String building, String unit) {
    }

    /** An electronic vote: a mark for every candidate and every motion, confirmed with the verification code. */
    public record Cast(@NotBlank @Size(max = 30) String verificationCode,
            @NotNull @Size(max = 200) Map<String, Mark> marks, @Size(max = 100) Map<String, Mark> motions) {
    }

    public record CastResult(String serial, BallotStatus status, OffsetDateTime castAt) {
    }

    /** One step of a ballot's trail as its owner sees it. */
    public record TrailStep(String action, OffsetDateTime at, String recipientName, String relation, String method,
            String channel, String reason) {
        public static TrailStep of(BallotRepository.RecordedStep s) {
            return new TrailStep(s.action(), s.at(), s.recipientName(), s.relation(), s.method(), s.channel(),
                    s.reason());
        }
    }

    /**
     * A ballot's status and trail. {@code ledgerPosition} and {@code recordHash} are set once the ballot is counted
     * into the ballot ledger; {@code seats}, {@code candidates} and {@code motions} are what the ballot asks, for the
     * online form.
     */
    public record Status(String serial, String electionTitle, String building, String unit, BallotStatus status,
            String replacesSerial, OffsetDateTime issuedAt, List<TrailStep> trail, boolean votingOpen,
            Long ledgerPosition, String recordHash, int seats,
            List<BallotCandidate> candidates,
            List<BallotMotion> motions) {
    }
}
