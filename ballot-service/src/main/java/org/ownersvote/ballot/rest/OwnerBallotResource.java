package org.ownersvote.ballot.rest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ownersvote.ballot.Ballot;
import org.ownersvote.ballot.BallotElection;
import org.ownersvote.ballot.counting.LedgerRecord;
import org.ownersvote.ballot.repository.BallotRepository;
import org.ownersvote.ballot.repository.ElectionRepository;
import org.ownersvote.ballot.repository.LedgerRepository;
import org.ownersvote.ballot.rest.dto.OwnerBallots;
import org.ownersvote.ballot.service.OnlineVoting;
import org.ownersvote.ballot.service.OwnerAccess;
import org.ownersvote.platform.idempotency.IdempotencyKeyDocumentation;
import org.ownersvote.platform.problem.ProblemException;
import org.ownersvote.platform.problem.Text;
import org.ownersvote.platform.security.Caller;
import org.ownersvote.platform.security.Roles;

/** The owner's own ballot: its trail, and the electronic vote. Owner tokens open exactly one serial. */
/* Class path /api like BallotResource: JAX-RS picks the resource class by its own path first. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Owner ballots",
        description = "An owner's own ballot: its trail, and voting online with the ballot's verification code.")
public class OwnerBallotResource {

    @Inject
    Caller caller;

    @Inject
    OwnerAccess access;

    @Inject
    OnlineVoting voting;

    @Inject
    BallotScope scope;

    @Inject
    ElectionRepository elections;

    @Inject
    BallotRepository ballots;

    @Inject
    LedgerRepository ledger;

    @GET
    @Path("/ballots/{serial}/status")
    @RolesAllowed({ Roles.OWNER, Roles.WORKING_GROUP, Roles.BUILDING_LEADER })
    @Operation(summary = "Read a ballot's status and trail")
    public OwnerBallots.Status status(@PathParam("serial") String serial) {
        Ballot ballot = ownBallot(serial);
        BallotElection election = elections.require(ballot.electionId);
        List<OwnerBallots.TrailStep> trail = ballots.trail(ballot.id).stream().map(OwnerBallots.TrailStep::of)
                .toList();
        LedgerRecord counted = ledger.ofSerial(ballot.serial);
        OnlineVoting.BallotContent content = OnlineVoting.BallotContent.of(election);
        return new OwnerBallots.Status(ballot.serial, election.title, ballot.building, ballot.unit, ballot.status,
                ballot.replacesSerial, ballot.issuedAt, trail, election.votingOpen(OffsetDateTime.now()),
                counted == null ? null : (long) counted.position, counted == null ? null : counted.hash,
                election.seats, content.candidates(), content.motions());
    }

    @POST
    @Path("/ballots/{serial}/cast")
    @RolesAllowed(Roles.OWNER)
    @Extension(name = IdempotencyKeyDocumentation.NOT_TAKEN,
            value = "ignored: the body holds the verification code; a unit votes once")
    @Operation(summary = "Vote online")
    @APIResponse(responseCode = "200", description = "The vote, recorded")
    @APIResponse(responseCode = "401", description = "The verification code is wrong (wrong-ballot-code)")
    @APIResponse(responseCode = "409",
            description = "The ballot cannot be cast: voting is not open, or it was cast, collected or voided "
                    + "(ballot-step-refused, ballot-voided)")
    @APIResponse(responseCode = "429",
            description = "Too many wrong codes: wait for Retry-After seconds (ballot-code-wait)")
    public OwnerBallots.CastResult cast(@PathParam("serial") String serial, @Valid @NotNull OwnerBallots.Cast vote) {
        ownBallot(serial);
        // the code again: a token left open on a shared phone is not enough to vote
        Ballot verified = OwnerAccess.granted(access.check(serial, vote.verificationCode(), OwnerAccess.OWNER_SESSION));
        Ballot cast = voting.cast(verified, vote.marks(), vote.motions() == null ? Map.of() : vote.motions());
        return new OwnerBallots.CastResult(cast.serial, cast.status, OffsetDateTime.now());
    }

    /** The ballot, if this caller may see it: its owner (token bound to the serial) or the staff of its building. */
    private Ballot ownBallot(String serial) {
        boolean staff = caller.hasRole(Roles.WORKING_GROUP) || caller.hasRole(Roles.BUILDING_LEADER);
        // an owner learns nothing about other serials, not even whether they exist
        if (!staff && !caller.ballotSerial().map(serial::equals).orElse(false)) {
            throw ProblemException.forbidden(Text.of("owner.other-ballot", serial));
        }
        if (staff) {
            scope.ballot(serial);
        }
        return ballots.bySerial(serial, LockModeType.NONE);
    }
}
