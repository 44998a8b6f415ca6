package org.ownersvote.ballot.rest;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ownersvote.ballot.BallotElection;
import org.ownersvote.ballot.repository.ElectionRepository;
import org.ownersvote.ballot.service.VotingGate;
import org.ownersvote.events.election.VotingOpened;
import org.ownersvote.platform.problem.ProblemException;
import org.ownersvote.platform.problem.Text;
import org.ownersvote.platform.security.Caller;
import org.ownersvote.platform.security.Roles;

/**
 * Called by election-service while it changes an election's phase, with the working group's own token: voting opens
 * and closes here first (see {@link VotingGate}). Not routed by the gateway (no /api prefix).
 */
@Path("/internal/elections/{eid}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Internal: voting gate",
        description = "Called by election-service only, as a step of its phase transitions: opens and closes voting.")
public class InternalVotingResource {

    public record Open(@NotNull VotingOpened opened, @NotNull OffsetDateTime at) {
    }

    public record Opened(UUID electionId, OffsetDateTime votingOpenedAt, OffsetDateTime ballotsIssuedAt) {
    }

    public record Close(@NotNull @Pattern(regexp = "COUNTING|FAILED", message = "field.close-to") String to) {
    }

    public record Closed(UUID electionId, OffsetDateTime votingClosedAt) {
    }

    @Inject
    VotingGate gate;

    @Inject
    Caller caller;

    @Inject
    ElectionRepository elections;

    @POST
    @Path("/voting-open")
    @RolesAllowed(Roles.WORKING_GROUP)
    @Operation(summary = "Open voting and issue the ballots")
    @APIResponse(responseCode = "200", description = "Voting is open and the ballots are issued")
    @APIResponse(responseCode = "503",
            description = "The election or its electorate has not arrived yet (election-not-recorded, "
                    + "electorate-incomplete): try again after Retry-After seconds")
    public Opened open(@PathParam("eid") UUID electionId, @Valid @NotNull Open request) {
        if (!request.opened().electionId().equals(electionId)) {
            throw ProblemException.invalid("opened.electionId", Text.of("voting.other-election"));
        }
        caller.requireCommunity(request.opened().communityId());
        elections.find(electionId).ifPresent(recorded -> caller.requireElection(recorded.communityId, electionId));
        BallotElection election = gate.open(request.opened(), request.at(), caller.username());
        return new Opened(election.id, election.votingOpenedAt, election.ballotsIssuedAt);
    }

    @POST
    @Path("/voting-close")
    @RolesAllowed(Roles.WORKING_GROUP)
    @Operation(summary = "Close voting")
    @APIResponse(responseCode = "200", description = "Voting is closed")
    @APIResponse(responseCode = "409", description = "Voting is not open (voting-not-open)")
    public Closed close(@PathParam("eid") UUID electionId, @Valid @NotNull Close request) {
        elections.find(electionId).ifPresent(election -> caller.requireElection(election.communityId, electionId));
        return new Closed(electionId, gate.close(electionId, request.to(), caller.username()));
    }
}
