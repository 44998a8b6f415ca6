package org.ownersvote.election.rest;

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
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ownersvote.election.Candidate;
import org.ownersvote.election.Election;
import org.ownersvote.election.rest.dto.CandidateDtos.AnswerRequest;
import org.ownersvote.election.rest.dto.CandidateDtos.CandidateList;
import org.ownersvote.election.rest.dto.CandidateDtos.CandidateView;
import org.ownersvote.election.rest.dto.CandidateDtos.NominationRequest;
import org.ownersvote.election.rest.dto.CandidateDtos.ObjectionRequest;
import org.ownersvote.election.rest.dto.CandidateDtos.ObjectionView;
import org.ownersvote.election.rest.dto.CandidateDtos.ReviewRequest;
import org.ownersvote.election.rest.dto.CandidateDtos.UnitRef;
import org.ownersvote.election.service.CandidateService;
import org.ownersvote.election.service.ElectionService;
import org.ownersvote.platform.idempotency.Idempotent;
import org.ownersvote.platform.security.Caller;
import org.ownersvote.platform.security.Roles;

@Path("/api/elections/{eid}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Candidates",
        description = "Nomination from paper forms, the review of candidates, and owners' objections during publicity.")
public class CandidateResource {

    @Inject
    ElectionService elections;

    @Inject
    CandidateService candidates;

    @Inject
    Caller caller;

    @POST
    @Path("/nominations")
    @RolesAllowed(Roles.WORKING_GROUP)
    @Idempotent
    @Operation(summary = "Nominate a candidate from a paper form")
    @APIResponse(responseCode = "201", description = "The candidate, nominated",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CandidateView.class)))
    @APIResponse(responseCode = "200",
            description = "The nominee was nominated before: this form's nominators are added",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CandidateView.class)))
    @APIResponse(responseCode = "409", description = "The election is not in nomination (wrong-phase)")
    public Response nominate(@PathParam("eid") UUID electionId, @Valid @NotNull NominationRequest request) {
        Election election = scoped(electionId);
        CandidateService.Nominated nominated = candidates.nominate(election, new CandidateService.Nomination(
                address(request.unit()), request.name(), request.statement(),
                request.nominators().stream().map(CandidateResource::address).toList(), request.commitmentReceived()),
                caller.username());
        return Response.status(nominated.merged() ? 200 : 201).entity(view(nominated.candidate())).build();
    }

    @POST
    @Path("/candidates/{id}/review")
    @RolesAllowed(Roles.WORKING_GROUP)
    @Idempotent
    @Operation(summary = "Confirm or reject a candidate")
    @APIResponse(responseCode = "200", description = "The candidate, confirmed or rejected")
    @APIResponse(responseCode = "409", description = "The election is not in nomination (wrong-phase)")
    public CandidateView review(@PathParam("eid") UUID electionId, @PathParam("id") UUID candidateId,
            @Valid @NotNull ReviewRequest request) {
        Election election = scoped(electionId);
        return view(candidates.review(election, candidateId, new CandidateService.Review(request.decision(),
                request.reasonCategory(), request.reason()), caller.username()));
    }

    @GET
    @Path("/candidates")
    @RolesAllowed({ Roles.ADMIN, Roles.STREET_OFFICE, Roles.WORKING_GROUP, Roles.BUILDING_LEADER, Roles.COUNTER,
            Roles.SCRUTINEER, Roles.CHIEF_SCRUTINEER })
    @Operation(summary = "List the candidates and objections")
    public CandidateList list(@PathParam("eid") UUID electionId) {
        scoped(electionId);
        Map<UUID, Integer> nominators = candidates.nominatorCounts(electionId);
        List<CandidateView> list = candidates.list(electionId).stream()
                .map(c -> CandidateView.of(c, nominators.getOrDefault(c.id, 0))).toList();
        return new CandidateList(list, candidates.objections(electionId).stream().map(ObjectionView::of).toList());
    }

    @POST
    @Path("/objections")
    @RolesAllowed(Roles.WORKING_GROUP)
    @Idempotent
    @Operation(summary = "Record an owner's objection")
    @APIResponse(responseCode = "201", description = "The objection, recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ObjectionView.class)))
    @APIResponse(responseCode = "409", description = "The election is not in publicity (wrong-phase)")
    public Response lodge(@PathParam("eid") UUID electionId, @Valid @NotNull ObjectionRequest request) {
        Election election = scoped(electionId);
        CandidateService.ObjectionLodged objection = new CandidateService.ObjectionLodged(request.candidateId(),
                address(request.objectingUnit()), request.text());
        return Response.status(201).entity(ObjectionView.of(candidates.lodge(election, objection,
                caller.username()))).build();
    }

    @POST
    @Path("/objections/{oid}/answer")
    @RolesAllowed(Roles.WORKING_GROUP)
    @Idempotent
    @Operation(summary = "Answer an objection")
    @APIResponse(responseCode = "200", description = "The objection with its answer")
    @APIResponse(responseCode = "409",
            description = "The objection was already answered, or the election is not in publicity "
                    + "(already-answered, wrong-phase)")
    public ObjectionView answer(@PathParam("eid") UUID electionId, @PathParam("oid") UUID objectionId,
            @Valid @NotNull AnswerRequest request) {
        Election election = scoped(electionId);
        return ObjectionView.of(candidates.answer(election, objectionId, request.answer(), caller.username()));
    }

    private Election scoped(UUID electionId) {
        Election election = elections.get(electionId);
        caller.requireElection(election.communityId, election.id);
        return election;
    }

    private static CandidateService.UnitAddress address(UnitRef unit) {
        return new CandidateService.UnitAddress(unit.building(), unit.unit());
    }

    private CandidateView view(Candidate c) {
        return CandidateView.of(c, candidates.nominatorCounts(c.electionId).getOrDefault(c.id, 0));
    }
}
