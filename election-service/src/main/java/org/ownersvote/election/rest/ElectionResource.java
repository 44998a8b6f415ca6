package org.ownersvote.election.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ownersvote.election.Election;
import org.ownersvote.election.rest.dto.CreateElectionRequest;
import org.ownersvote.election.rest.dto.ElectionSummary;
import org.ownersvote.election.rest.dto.ElectionView;
import org.ownersvote.election.rest.dto.TransitionRequest;
import org.ownersvote.election.service.ElectionService;
import org.ownersvote.platform.idempotency.Idempotent;
import org.ownersvote.platform.security.Caller;
import org.ownersvote.platform.security.Roles;

@Path("/api/elections")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Elections", description = "Elections: their rules, phases and voting deadline.")
public class ElectionResource {

    @Inject
    ElectionService elections;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed(Roles.WORKING_GROUP)
    @Idempotent
    @Operation(summary = "Create an election")
    @APIResponse(responseCode = "201", description = "The election, created in its first phase",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ElectionView.class)))
    @APIResponse(responseCode = "409",
            description = "The holiday calendar for the election's year is missing (holiday-calendar-missing)")
    public Response create(@Valid @NotNull CreateElectionRequest request) {
        caller.requireCommunity(request.communityId());
        Election election = elections.create(new ElectionService.NewElection(request.communityId(), request.title(),
                request.rulePack(), request.seats(), request.alternates() == null ? 0 : request.alternates(),
                request.votingDays(), Boolean.TRUE.equals(request.drill()),
                request.motions() == null ? List.of() : request.motions().stream()
                        .map(m -> new ElectionService.NewMotion(m.title(), m.threshold())).toList()),
                caller.username());
        ElectionView created = view(election);
        return Response.created(URI.create("/api/elections/" + created.id())).entity(created).build();
    }

    /** A street office's overview of the elections in its communities of one street (read-only). */
    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.STREET_OFFICE })
    @Operation(summary = "List the elections of a street's communities")
    public List<ElectionSummary> ofStreet(@QueryParam("street") @NotBlank @Size(max = 50) String street) {
        return elections.ofStreet(street.strip()).stream()
                .filter(row -> caller.canSeeCommunity(row.community().id))
                .map(row -> ElectionSummary.of(row.election(), row.community()))
                .toList();
    }

    @POST
    @Path("/{eid}/voting-deadline")
    @RolesAllowed(Roles.WORKING_GROUP)
    @Idempotent
    @Operation(summary = "Extend the voting deadline")
    @APIResponse(responseCode = "200", description = "The election with its new deadline")
    @APIResponse(responseCode = "409",
            description = "Voting is not open, or the deadline has passed (not-voting, deadline-passed)")
    public ElectionView extendDeadline(@PathParam("eid") UUID electionId,
            @Valid @NotNull DeadlineExtensionRequest request) {
        Election election = elections.get(electionId);
        caller.requireElection(election.communityId, election.id);
        Election extended = elections.extendVotingDeadline(electionId, request.days(), request.reason(),
                caller.username());
        return view(extended);
    }

    /**
     * @param days whole days added to the current deadline's last day (the new deadline is 24:00 of the resulting
     *             day, Beijing time, moved past rest days); the rule pack's longest voting period bounds it
     */
    public record DeadlineExtensionRequest(@NotNull @Min(1) Integer days,
            @NotBlank @Size(max = 500) String reason) {
    }

    @GET
    @Path("/{eid}")
    @RolesAllowed({ Roles.ADMIN, Roles.STREET_OFFICE, Roles.WORKING_GROUP, Roles.BUILDING_LEADER, Roles.COUNTER,
            Roles.SCRUTINEER, Roles.CHIEF_SCRUTINEER })
    @Operation(summary = "Read an election")
    public ElectionView get(@PathParam("eid") UUID electionId) {
        Election election = elections.get(electionId);
        caller.requireElection(election.communityId, election.id);
        return view(election);
    }

    @POST
    @Path("/{eid}/transitions")
    @RolesAllowed(Roles.WORKING_GROUP)
    @Idempotent
    @Operation(summary = "Move an election to its next phase")
    @APIResponse(responseCode = "200", description = "The election in its new phase")
    @APIResponse(responseCode = "409",
            description = "The phase cannot be entered now: a step before it is missing, the roster is in use, or "
                    + "ballot-service refused to open or close voting (transition-refused, roster-in-use, "
                    + "voting-...)")
    public ElectionView transition(@PathParam("eid") UUID electionId, @Valid @NotNull TransitionRequest request) {
        Election election = elections.get(electionId);
        caller.requireElection(election.communityId, election.id);
        Election moved = elections.transition(electionId, request.to(), request.reason(), caller.username());
        return view(moved);
    }

    private ElectionView view(Election election) {
        return ElectionView.of(election, elections.electorate(election), elections.motions(election.id));
    }
}
