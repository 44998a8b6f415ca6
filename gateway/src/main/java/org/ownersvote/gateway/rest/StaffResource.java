package org.ownersvote.gateway.rest;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ownersvote.gateway.StaffAccount;
import org.ownersvote.gateway.domain.RosterBuildings;
import org.ownersvote.gateway.rest.dto.CreateElectionStaffRequest;
import org.ownersvote.gateway.rest.dto.UpdateStaffRequest;
import org.ownersvote.gateway.rest.dto.UserView;
import org.ownersvote.gateway.service.AccountService;
import org.ownersvote.gateway.service.ElectionServiceClient;
import org.ownersvote.platform.idempotency.Idempotent;
import org.ownersvote.platform.problem.ProblemException;
import org.ownersvote.platform.problem.Text;
import org.ownersvote.platform.security.Caller;
import org.ownersvote.platform.security.Roles;

/** The accounts of an election's building leaders, counters and scrutineers, managed by its working group. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Election staff",
        description = "An election's building leaders, counters and scrutineers, managed by its working group.")
public class StaffResource {

    @Inject
    AccountService accounts;

    @Inject
    ElectionServiceClient elections;

    @Inject
    Caller caller;

    @Inject
    JsonWebToken jwt;

    @POST
    @Path("/elections/{eid}/staff")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.WORKING_GROUP)
    @Idempotent
    @Operation(summary = "Create an election staff account")
    @APIResponse(responseCode = "201", description = "The account, created; its username is the login name",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = UserView.class)))
    @APIResponse(responseCode = "409", description = "The login name is taken (username-taken)")
    public Response create(@PathParam("eid") UUID electionId, @Valid @NotNull CreateElectionStaffRequest request) {
        UUID community = ownElection(electionId);
        RosterBuildings roster = new RosterBuildings(elections.rosterBuildings(community, jwt.getRawToken()));
        UserView created = UserView.of(accounts.createForElection(new AccountService.ElectionStaff(
                request.username(), request.password(), request.displayName(), request.roles(), request.buildings()),
                community, electionId, roster, caller.username()));
        return Response.created(URI.create("/api/staff/" + created.id())).entity(created).build();
    }

    @GET
    @Path("/elections/{eid}/staff")
    @RolesAllowed(Roles.WORKING_GROUP)
    @Operation(summary = "List an election's staff accounts")
    public List<UserView> list(@PathParam("eid") UUID electionId) {
        ownElection(electionId);
        return accounts.ofElection(electionId).stream().map(UserView::of).toList();
    }

    /** Corrects an election account's display name and, for a building leader, its buildings (from the roster). */
    @PUT
    @Path("/staff/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.WORKING_GROUP, Roles.ADMIN })
    @Idempotent
    @Operation(summary = "Correct a staff account's name and buildings")
    public UserView update(@PathParam("id") UUID accountId, @Valid @NotNull UpdateStaffRequest request) {
        UUID community = manageable(accountId).communityId;
        RosterBuildings roster = new RosterBuildings(community == null ? List.of()
                : elections.rosterBuildings(community, jwt.getRawToken()));
        return UserView.of(accounts.update(accountId, request.displayName(), request.buildings(), roster,
                caller.username()));
    }

    @POST
    @Path("/staff/{id}/disable")
    @RolesAllowed({ Roles.WORKING_GROUP, Roles.ADMIN })
    @Idempotent
    @Operation(summary = "Disable a staff account and end its sessions")
    @APIResponse(responseCode = "200", description = "The account, disabled")
    @APIResponse(responseCode = "409", description = "Callers cannot disable their own account (own-account)")
    public UserView disable(@PathParam("id") UUID accountId) {
        manageable(accountId);
        return UserView.of(accounts.disable(accountId, caller.username()));
    }

    /**
     * An account the caller may change or disable: any for an admin; for a working group, only the election accounts
     * of its own community (another community's accounts are answered as not found: they are not shown either).
     */
    private StaffAccount manageable(UUID accountId) {
        StaffAccount account = accounts.get(accountId);
        if (!caller.hasRole(Roles.ADMIN)) {
            boolean own = account.communityId != null && caller.communityId().map(account.communityId::equals)
                    .orElse(false);
            boolean electionStaff = Arrays.stream(account.roles).allMatch(AccountService.ELECTION_ROLES::contains);
            if (!own) {
                throw ProblemException.notFound(Text.of("thing.account"), accountId);
            }
            if (!electionStaff) {
                throw ProblemException.forbidden(Text.of("account.disable-election-accounts-only"));
            }
        }
        return account;
    }

    /** The election must be the working group's own: election-service says whose it is, under the caller's token. */
    private UUID ownElection(UUID electionId) {
        UUID community = elections.communityOf(electionId, jwt.getRawToken());
        if (!caller.communityId().map(community::equals).orElse(false)) {
            throw ProblemException.forbidden(Text.of("staff.election-of-another-community"));
        }
        return community;
    }
}
