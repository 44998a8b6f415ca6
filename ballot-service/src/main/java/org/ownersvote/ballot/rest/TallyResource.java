package org.ownersvote.ballot.rest;

import java.util.Arrays;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ownersvote.ballot.BallotElection;
import org.ownersvote.ballot.repository.ElectionRepository;
import org.ownersvote.ballot.repository.TallyRepository;
import org.ownersvote.ballot.rest.dto.TallyViews;
import org.ownersvote.ballot.service.TallyService;
import org.ownersvote.platform.idempotency.Idempotent;
import org.ownersvote.platform.problem.ProblemException;
import org.ownersvote.platform.problem.Text;
import org.ownersvote.platform.security.Caller;
import org.ownersvote.platform.security.Roles;

@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Tally",
        description = "The tally by area and headcount, lots for ties, scrutineers' sign-offs and the final result.")
public class TallyResource {

    private static final String[] STAFF = { Roles.ADMIN, Roles.STREET_OFFICE, Roles.WORKING_GROUP, Roles.COUNTER,
            Roles.SCRUTINEER, Roles.CHIEF_SCRUTINEER };

    @Inject
    TallyService tallies;

    @Inject
    Caller caller;

    @Inject
    BallotScope scope;

    @Inject
    ElectionRepository elections;

    @Inject
    TallyRepository records;

    /** The staff of the election see the provisional tally; once finalized, anyone sees it. */
    @GET
    @Path("/elections/{eid}/tally")
    @PermitAll
    @Operation(summary = "Read the tally (provisional for staff, public once final)")
    @APIResponse(responseCode = "200", description = "The tally")
    @APIResponse(responseCode = "401",
            description = "The tally is not published yet and the caller is not signed in (not-published)")
    @APIResponse(responseCode = "403",
            description = "The tally is not published yet and the caller is not staff of the election (forbidden)")
    public TallyViews.TallyView tally(@PathParam("eid") UUID electionId) {
        boolean staff = Arrays.stream(STAFF).anyMatch(caller::hasRole);
        if (staff) {
            return TallyViews.TallyView.of(tallies.view(scope.election(electionId)));
        }
        BallotElection election = elections.find(electionId).orElse(null);
        if (election == null || !records.isFinal(electionId)) {
            Text detail = Text.of("tally.not-published");
            // signed in, but not one who sees the provisional tally: forbidden, not "sign in"
            throw caller.authenticated() ? ProblemException.forbidden(detail)
                    : ProblemException.unauthorized("not-published", detail);
        }
        return TallyViews.TallyView.of(tallies.view(election));
    }

    @POST
    @Path("/elections/{eid}/tally/lots")
    @RolesAllowed(Roles.WORKING_GROUP)
    @Idempotent
    @Operation(summary = "Record the lots drawn for a tie")
    @APIResponse(responseCode = "204", description = "The lots, recorded")
    @APIResponse(responseCode = "409",
            description = "The tally names no such tie, or it is final (no-such-tie, tally-final)")
    public Response drawLots(@PathParam("eid") UUID electionId, @Valid @NotNull TallyViews.Lots lots) {
        scope.election(electionId);
        tallies.drawLots(electionId, lots.candidateIdsInDrawnOrder(), lots.witnesses(), caller.username());
        return Response.noContent().build();
    }

    @POST
    @Path("/elections/{eid}/tally/signoffs")
    @RolesAllowed(Roles.SCRUTINEER)
    @Idempotent
    @Operation(summary = "Sign off the tally with the verifier's attestation code")
    @APIResponse(responseCode = "200", description = "The sign-off, recorded")
    @APIResponse(responseCode = "409",
            description = "Counting is not over, the tally is final, or there is no electorate (not-counting, "
                    + "tally-final, no-electorate)")
    public TallyViews.SignoffResult signOff(@PathParam("eid") UUID electionId,
            @Valid @NotNull TallyViews.SignoffRequest request) {
        // a chief scrutineer decides, and the sign-offs are the check on them; a counter counted
        if (caller.hasRole(Roles.CHIEF_SCRUTINEER) || caller.hasRole(Roles.COUNTER)) {
            throw ProblemException.forbidden(Text.of("tally.signoff-not-by-chief-or-counter"));
        }
        scope.election(electionId);
        return TallyViews.SignoffResult.of(tallies.signOff(electionId, request.attestation(), request.disagree(),
                request.note(), caller.username()));
    }

    @POST
    @Path("/elections/{eid}/tally/finalize")
    @RolesAllowed(Roles.CHIEF_SCRUTINEER)
    @Idempotent
    @Operation(summary = "Finalize the tally")
    @APIResponse(responseCode = "200", description = "The final tally")
    @APIResponse(responseCode = "409",
            description = "The tally cannot be finalized yet: conflicts open, ballots not counted or sign-offs "
                    + "missing (cannot-finalize)")
    public TallyViews.TallyView finalizeTally(@PathParam("eid") UUID electionId) {
        scope.election(electionId);
        return TallyViews.TallyView.of(tallies.finalizeTally(electionId, caller.username()));
    }
}
