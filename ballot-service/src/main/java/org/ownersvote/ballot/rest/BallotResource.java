package org.ownersvote.ballot.rest;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ownersvote.ballot.Ballot;
import org.ownersvote.ballot.BallotElection;
import org.ownersvote.ballot.domain.BallotStatus;
import org.ownersvote.ballot.domain.BallotStep;
import org.ownersvote.ballot.repository.BallotRepository;
import org.ownersvote.ballot.repository.ElectionRepository;
import org.ownersvote.ballot.rest.dto.BallotSteps;
import org.ownersvote.ballot.rest.dto.BallotSteps.BallotView;
import org.ownersvote.ballot.service.BallotLedger;
import org.ownersvote.ballot.service.OwnerAccess;
import org.ownersvote.platform.idempotency.Idempotent;
import org.ownersvote.platform.problem.ProblemException;
import org.ownersvote.platform.problem.Text;
import org.ownersvote.platform.security.Caller;
import org.ownersvote.platform.security.Roles;

@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Path("/api")
@Tag(name = "Ballots",
        description = "Paper ballots door to door: handout, undeliverable, return, void and reissue, and each "
                + "building's progress.")
public class BallotResource {

    /** What a step on a ballot in the wrong state is answered (BallotLedger). */
    private static final String STEP_REFUSED = "The ballot's state does not allow this step (ballot-step-refused)";

    @Inject
    BallotLedger ledger;

    @Inject
    OwnerAccess ownerAccess;

    @Inject
    Caller caller;

    @Inject
    BallotScope scope;

    @Inject
    ElectionRepository elections;

    @Inject
    BallotRepository ballots;

    @POST
    @Path("/ballots/{serial}/handout")
    @RolesAllowed({ Roles.BUILDING_LEADER, Roles.WORKING_GROUP })
    @Idempotent
    @Operation(summary = "Record that a ballot was handed out")
    @APIResponse(responseCode = "200", description = "The ballot, handed out")
    @APIResponse(responseCode = "409", description = STEP_REFUSED)
    public BallotView handout(@PathParam("serial") String serial, @Valid @NotNull BallotSteps.Handout request) {
        return BallotView.of(record(serial, BallotStep.handout(request.recipientName(), request.relation().name(),
                request.method().name(), request.at())));
    }

    @POST
    @Path("/ballots/{serial}/undeliverable")
    @RolesAllowed({ Roles.BUILDING_LEADER, Roles.WORKING_GROUP })
    @Idempotent
    @Operation(summary = "Record that a ballot could not be handed out")
    @APIResponse(responseCode = "200", description = "The ballot, recorded as undeliverable")
    @APIResponse(responseCode = "409", description = STEP_REFUSED)
    public BallotView undeliverable(@PathParam("serial") String serial,
            @Valid @NotNull BallotSteps.Undeliverable request) {
        String reason = request.reason().name() + (request.note() == null ? "" : ": " + request.note().strip());
        return BallotView.of(record(serial, BallotStep.undeliverable(reason)));
    }

    @POST
    @Path("/ballots/{serial}/return")
    @RolesAllowed({ Roles.BUILDING_LEADER, Roles.WORKING_GROUP })
    @Idempotent
    @Operation(summary = "Record that a ballot was collected")
    @APIResponse(responseCode = "200", description = "The ballot, collected")
    @APIResponse(responseCode = "409", description = STEP_REFUSED)
    public BallotView returned(@PathParam("serial") String serial, @Valid @NotNull BallotSteps.Return request) {
        return BallotView.of(record(serial, BallotStep.returned(request.channel().name(), request.reason(),
                request.at())));
    }

    @POST
    @Path("/ballots/{serial}/void")
    @RolesAllowed(Roles.WORKING_GROUP)
    @Idempotent
    @Operation(summary = "Void a ballot and issue its replacement")
    @APIResponse(responseCode = "200", description = "The voided ballot and its replacement's serial")
    @APIResponse(responseCode = "409", description = STEP_REFUSED)
    public BallotSteps.VoidResult voidBallot(@PathParam("serial") String serial,
            @Valid @NotNull BallotSteps.Void request) {
        Ballot replacement = record(serial, BallotStep.voided(request.reason()));
        return new BallotSteps.VoidResult(serial, replacement.serial);
    }

    /**
     * Helps an owner who cannot sign in because wrong codes were typed for their ballot (by them or by a stranger):
     * every source's wrong codes are forgotten. The building leader of the ballot's building or the working group,
     * after checking who is asking.
     */
    @DELETE
    @Path("/ballots/{serial}/wrong-codes")
    @RolesAllowed({ Roles.BUILDING_LEADER, Roles.WORKING_GROUP })
    @Operation(summary = "Forget the wrong codes typed for a ballot")
    public BallotSteps.WrongCodesForgotten forgetWrongCodes(@PathParam("serial") String serial) {
        BallotRepository.Place ballot = scope.ballot(serial);
        return new BallotSteps.WrongCodesForgotten(ballot.serial(), ownerAccess.forgetWrongCodes(ballot.serial(),
                ballot.electionId(), caller.username()));
    }

    @GET
    @Path("/elections/{eid}/ballots")
    @RolesAllowed({ Roles.BUILDING_LEADER, Roles.WORKING_GROUP })
    @Operation(summary = "List an election's ballots")
    public List<BallotView> list(@PathParam("eid") UUID electionId,
            @QueryParam("building") @Size(max = 50) String building, @QueryParam("status") BallotStatus status,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("100") @Min(1) @Max(500) int size) {
        BallotElection election = elections.require(electionId);
        if (caller.hasRole(Roles.BUILDING_LEADER) && !caller.hasRole(Roles.WORKING_GROUP) && building == null) {
            throw ProblemException.invalid("building", Text.of("scope.building-leader-needs-building"));
        }
        scope.requireBuilding(election, building);
        return ledger.list(electionId, building, status, page, size).stream().map(BallotView::of).toList();
    }

    /** A building leader's round: units whose ballot is still to hand out, and those still to collect. */
    @GET
    @Path("/elections/{eid}/ballots/worklist")
    @RolesAllowed({ Roles.BUILDING_LEADER, Roles.WORKING_GROUP })
    @Operation(summary = "A building leader's round: ballots to hand out and to collect")
    public BallotSteps.Worklist worklist(@PathParam("eid") UUID electionId,
            @QueryParam("building") @NotNull @Size(max = 50) String building) {
        BallotElection election = elections.require(electionId);
        scope.requireBuilding(election, building);
        List<Ballot> ballots = ledger.list(electionId, building, null, 0, 10_000);
        return new BallotSteps.Worklist(building,
                ballots.stream().filter(b -> b.status == BallotStatus.ISSUED).map(BallotView::of).toList(),
                ballots.stream().filter(b -> b.status == BallotStatus.HANDED_OUT).map(BallotView::of).toList());
    }

    @GET
    @Path("/elections/{eid}/ballots/progress")
    @RolesAllowed({ Roles.ADMIN, Roles.STREET_OFFICE, Roles.WORKING_GROUP, Roles.BUILDING_LEADER, Roles.COUNTER,
            Roles.SCRUTINEER, Roles.CHIEF_SCRUTINEER })
    @Operation(summary = "Handout and return progress per building")
    public BallotSteps.Progress progress(@PathParam("eid") UUID electionId) {
        scope.election(electionId);
        Map<String, Map<BallotStatus, Long>> byBuilding = ballots.countsByBuilding(electionId);
        return new BallotSteps.Progress(byBuilding.entrySet().stream()
                .map(e -> BallotSteps.BuildingProgress.of(e.getKey(), e.getValue())).toList());
    }

    /** Records a step on a ballot in the caller's scope; the working group may record more (the state machine says). */
    private Ballot record(String serial, BallotStep step) {
        scope.ballot(serial);
        return ledger.record(serial, step, caller.username(), caller.hasRole(Roles.WORKING_GROUP));
    }
}
