package org.ownersvote.election.rest;

import java.net.URI;
import java.util.List;
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
import jakarta.ws.rs.QueryParam;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

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
public class ElectionResource {

    @Inject
    ElectionService elections;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed(Roles.WORKING_GROUP)
    @Idempotent
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
    public record DeadlineExtensionRequest(@NotNull @jakarta.validation.constraints.Min(1) Integer days,
            @jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 500) String reason) {
    }

    @GET
    @Path("/{eid}")
    @RolesAllowed({ Roles.ADMIN, Roles.STREET_OFFICE, Roles.WORKING_GROUP, Roles.BUILDING_LEADER, Roles.COUNTER,
            Roles.SCRUTINEER, Roles.CHIEF_SCRUTINEER })
    public ElectionView get(@PathParam("eid") UUID electionId) {
        Election election = elections.get(electionId);
        caller.requireElection(election.communityId, election.id);
        return view(election);
    }

    @POST
    @Path("/{eid}/transitions")
    @RolesAllowed(Roles.WORKING_GROUP)
    @Idempotent
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
