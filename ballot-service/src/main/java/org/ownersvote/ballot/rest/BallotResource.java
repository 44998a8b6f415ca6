package org.ownersvote.ballot.rest;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
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
import org.ownersvote.ballot.domain.BallotAction;
import org.ownersvote.ballot.domain.BallotStatus;
import org.ownersvote.ballot.rest.dto.BallotSteps;
import org.ownersvote.ballot.rest.dto.BallotSteps.BallotView;
import org.ownersvote.ballot.service.BallotLedger;
import org.ownersvote.ballot.service.OwnerAccess;
import org.ownersvote.platform.idempotency.Idempotent;
import org.ownersvote.platform.problem.ProblemException;
import org.ownersvote.platform.problem.Text;
import org.ownersvote.platform.security.Caller;
import org.ownersvote.platform.security.Roles;
import org.ownersvote.platform.text.NaturalOrder;

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

    @POST
    @Path("/ballots/{serial}/handout")
    @RolesAllowed({ Roles.BUILDING_LEADER, Roles.WORKING_GROUP })
    @Idempotent
    @Operation(summary = "Record that a ballot was handed out")
    @APIResponse(responseCode = "200", description = "The ballot, handed out")
    @APIResponse(responseCode = "409", description = STEP_REFUSED)
    public BallotView handout(@PathParam("serial") String serial, @Valid @NotNull BallotSteps.Handout request) {
        return BallotView.of(ledger.record(serial, BallotAction.HANDOUT, new BallotLedger.Step(request.recipientName(),
                request.relation().name(), request.method().name(), null, null, request.at()), caller));
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
        return BallotView.of(ledger.record(serial, BallotAction.UNDELIVERABLE,
                new BallotLedger.Step(null, null, null, null, reason, null), caller));
    }

    @POST
    @Path("/ballots/{serial}/return")
    @RolesAllowed({ Roles.BUILDING_LEADER, Roles.WORKING_GROUP })
    @Idempotent
    @Operation(summary = "Record that a ballot was collected")
    @APIResponse(responseCode = "200", description = "The ballot, collected")
    @APIResponse(responseCode = "409", description = STEP_REFUSED)
    public BallotView returned(@PathParam("serial") String serial, @Valid @NotNull BallotSteps.Return request) {
        return BallotView.of(ledger.record(serial, BallotAction.RETURN, new BallotLedger.Step(null, null, null,
                request.channel().name(), request.reason(), request.at()), caller));
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
        Ballot replacement = ledger.record(serial, BallotAction.VOID,
                new BallotLedger.Step(null, null, null, null, request.reason(), null), caller);
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
        Ballot ballot = BallotLedger.scopedBallot(serial, LockModeType.NONE, caller);
        return new BallotSteps.WrongCodesForgotten(ballot.serial, ownerAccess.forgetWrongCodes(ballot,
                caller.username()));
    }

    @GET
    @Path("/elections/{eid}/ballots")
    @RolesAllowed({ Roles.BUILDING_LEADER, Roles.WORKING_GROUP })
    @Operation(summary = "List an election's ballots")
    public List<BallotView> list(@PathParam("eid") UUID electionId,
            @QueryParam("building") @Size(max = 50) String building, @QueryParam("status") BallotStatus status,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("100") @Min(1) @Max(500) int size) {
        BallotElection election = election(electionId);
        if (caller.hasRole(Roles.BUILDING_LEADER) && !caller.hasRole(Roles.WORKING_GROUP) && building == null) {
            throw ProblemException.invalid("building", Text.of("scope.building-leader-needs-building"));
        }
        BallotLedger.requireScope(election, building, caller);
        return ledger.list(electionId, building, status, page, size).stream().map(BallotView::of).toList();
    }

    /** A building leader's round: units whose ballot is still to hand out, and those still to collect. */
    @GET
    @Path("/elections/{eid}/ballots/worklist")
    @RolesAllowed({ Roles.BUILDING_LEADER, Roles.WORKING_GROUP })
    @Operation(summary = "A building leader's round: ballots to hand out and to collect")
    public BallotSteps.Worklist worklist(@PathParam("eid") UUID electionId,
            @QueryParam("building") @NotNull @Size(max = 50) String building) {
        BallotElection election = election(electionId);
        BallotLedger.requireScope(election, building, caller);
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
        BallotElection election = election(electionId);
        caller.requireElection(election.communityId, election.id);
        List<?> rows = Ballot.getEntityManager().createNativeQuery(
                "select building, status, count(*) from ballot where election_id = ?1 group by building, status")
                .setParameter(1, electionId).getResultList();
        Map<String, Map<BallotStatus, Long>> byBuilding = new TreeMap<>(NaturalOrder.INSTANCE);
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            byBuilding.computeIfAbsent((String) r[0], b -> new EnumMap<>(BallotStatus.class))
                    .put(BallotStatus.valueOf((String) r[1]), ((Number) r[2]).longValue());
        }
        return new BallotSteps.Progress(byBuilding.entrySet().stream()
                .map(e -> BallotSteps.BuildingProgress.of(e.getKey(), e.getValue())).toList());
    }

    private static BallotElection election(UUID electionId) {
        BallotElection election = BallotElection.findById(electionId);
        if (election == null) {
            throw ProblemException.notFound(Text.of("thing.election"), electionId);
        }
        return election;
    }
}
