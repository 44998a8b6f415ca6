package org.ownersvote.gateway.rest;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ownersvote.gateway.rest.dto.CreateUserRequest;
import org.ownersvote.gateway.rest.dto.UserView;
import org.ownersvote.gateway.service.AccountService;
import org.ownersvote.platform.idempotency.Idempotent;
import org.ownersvote.platform.security.Caller;
import org.ownersvote.platform.security.Roles;

@Path("/api/admin/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Accounts", description = "Staff accounts, for the platform admin.")
public class AdminUserResource {

    @Inject
    AccountService accounts;

    @Inject
    Caller caller;

    /**
     * Every staff account, for the platform's admin. It lives here, not beside the election staff endpoints: Quarkus
     * REST picks the resource class by its path first, and this class's /api/admin/users took every request to that
     * path, so a GET declared in another class answered 405.
     */
    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "List every staff account")
    public List<UserView> all(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return accounts.page(page, size).stream().map(UserView::of).toList();
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Idempotent
    @Operation(summary = "Create a staff account")
    @APIResponse(responseCode = "201", description = "The account, created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = UserView.class)))
    @APIResponse(responseCode = "409", description = "The username is taken (username-taken)")
    public Response create(@Valid @NotNull CreateUserRequest request) {
        UserView created = UserView.of(accounts.create(new AccountService.NewAccount(request.username(),
                request.password(), request.displayName(), request.roles(), request.communityId(),
                request.electionId(), request.buildings(), request.communities()), caller.username()));
        return Response.created(URI.create("/api/admin/users/" + created.id())).entity(created).build();
    }
}
