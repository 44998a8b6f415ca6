package org.ownersvote.election.rest;

import java.net.URI;
import java.util.List;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ownersvote.election.rest.dto.CommunityView;
import org.ownersvote.election.rest.dto.CreateCommunityRequest;
import org.ownersvote.election.rest.dto.ElectionSummary;
import org.ownersvote.election.rest.dto.PublicCommunityView;
import org.ownersvote.election.service.CommunityService;
import org.ownersvote.election.service.ElectionService;
import org.ownersvote.platform.idempotency.Idempotent;
import org.ownersvote.platform.security.Caller;
import org.ownersvote.platform.security.Roles;

@Path("/api/communities")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Communities",
        description = "Residential communities: created by the platform admin, each with its public page by short "
                + "code.")
public class CommunityResource {

    @Inject
    CommunityService communities;

    @Inject
    Caller caller;

    @Inject
    ElectionService elections;

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Idempotent
    @Operation(summary = "Create a community")
    @APIResponse(responseCode = "201", description = "The community, created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CommunityView.class)))
    public Response create(@Valid @NotNull CreateCommunityRequest request) {
        CommunityView created = CommunityView.of(communities.create(request.name(), request.district(),
                request.street(), caller.username()));
        return Response.created(URI.create("/api/communities/" + created.id())).entity(created).build();
    }

    @GET
    @Path("/{cid}")
    @RolesAllowed({ Roles.ADMIN, Roles.STREET_OFFICE, Roles.WORKING_GROUP, Roles.BUILDING_LEADER, Roles.COUNTER,
            Roles.SCRUTINEER, Roles.CHIEF_SCRUTINEER })
    @Operation(summary = "Read a community")
    public CommunityView get(@PathParam("cid") UUID communityId) {
        caller.requireCommunity(communityId);
        return CommunityView.of(communities.get(communityId));
    }

    /**
     * The community's public page by its short code (the address /c/&lt;code&gt; on the notice-board poster): name and
     * elections with their phase, as the notice board shows them. Anyone may read it, as anyone may read the board.
     */
    @GET
    @Path("/by-code/{code}")
    @PermitAll
    @Operation(summary = "Read a community's public page by its short code")
    public PublicCommunityView byShortCode(@PathParam("code") String code) {
        CommunityService.PublicPage page = communities.publicPage(code);
        return PublicCommunityView.of(page.community(), page.elections());
    }

    /** The community's elections, newest first, with phase and key dates. */
    @GET
    @Path("/{cid}/elections")
    @RolesAllowed({ Roles.ADMIN, Roles.STREET_OFFICE, Roles.WORKING_GROUP })
    @Operation(summary = "List a community's elections")
    public List<ElectionSummary> elections(
            @PathParam("cid") UUID communityId) {
        caller.requireCommunity(communityId);
        return elections.ofCommunity(communityId).stream()
                .map(e -> ElectionSummary.of(e.election(), e.community())).toList();
    }
}
