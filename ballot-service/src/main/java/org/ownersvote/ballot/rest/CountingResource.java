package org.ownersvote.ballot.rest;

import java.util.List;
import java.util.Map;
import java.util.UUID;

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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ownersvote.ballot.domain.tally.PaperEntry;
import org.ownersvote.ballot.rest.dto.Counting;
import org.ownersvote.ballot.service.CountingService;
import org.ownersvote.platform.idempotency.Idempotent;
import org.ownersvote.platform.security.Caller;
import org.ownersvote.platform.security.Roles;

@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Counting",
        description = "Double entry of paper ballots by two counters, and the scrutineers' resolution of "
                + "disagreements.")
public class CountingResource {

    @Inject
    CountingService counting;

    @Inject
    Caller caller;

    @Inject
    BallotScope scope;

    @POST
    @Path("/elections/{eid}/counting/entries")
    @RolesAllowed(Roles.COUNTER)
    @Idempotent
    @Operation(summary = "Enter a paper ballot's marks")
    @APIResponse(responseCode = "200",
            description = "Whether this was the first or second entry, and whether both agree")
    @APIResponse(responseCode = "409",
            description = "The entry is refused: not counting, the tally is final, or this counter already entered "
                    + "the ballot (not-counting, tally-final, entry-refused)")
    public Counting.EntryResult enter(@PathParam("eid") UUID electionId, @Valid @NotNull Counting.Entry entry) {
        scope.election(electionId);
        CountingService.Entered entered = counting.enter(electionId, entry.serial(),
                new PaperEntry(entry.signature(), entry.marks(), entry.motions() == null ? Map.of() : entry.motions()),
                caller.username());
        return new Counting.EntryResult(entered.serial(), entered.entryNumber(), entered.state());
    }

    @GET
    @Path("/elections/{eid}/counting/conflicts")
    @RolesAllowed({ Roles.SCRUTINEER, Roles.CHIEF_SCRUTINEER })
    @Operation(summary = "List the ballots whose two entries disagree")
    public List<Counting.Conflict> conflicts(@PathParam("eid") UUID electionId) {
        scope.election(electionId);
        return counting.conflicts(electionId).stream().map(Counting.Conflict::of).toList();
    }

    @POST
    @Path("/elections/{eid}/counting/conflicts/{serial}/resolve")
    @RolesAllowed({ Roles.SCRUTINEER, Roles.CHIEF_SCRUTINEER })
    @Idempotent
    @Operation(summary = "Resolve a disagreement from the paper original")
    @APIResponse(responseCode = "200", description = "The ballot, counted with the marks chosen")
    @APIResponse(responseCode = "409",
            description = "The ballot is not in conflict, or counting is over (not-in-conflict, not-counting, "
                    + "tally-final)")
    public Counting.Resolved resolve(@PathParam("eid") UUID electionId, @PathParam("serial") String serial,
            @Valid @NotNull Counting.Resolution resolution) {
        scope.election(electionId);
        CountingService.Resolved resolved = counting.resolve(electionId, serial,
                new PaperEntry(resolution.signature(), resolution.marks(),
                        resolution.motions() == null ? Map.of() : resolution.motions()),
                resolution.note(), caller.username(), caller.hasRole(Roles.COUNTER));
        return new Counting.Resolved(serial, resolved.count().state, resolved.record().position,
                resolved.record().hash);
    }
}
