package org.ownersvote.gateway.rest;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.ownersvote.gateway.rest.dto.CreateUserRequest;
import org.ownersvote.gateway.rest.dto.UserView;
import org.ownersvote.gateway.service.AccountService;
import org.ownersvote.platform.security.Caller;
import org.ownersvote.platform.security.Roles;

@Path("/api/admin/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdminUserResource {

    @Inject
    AccountService accounts;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed(Roles.ADMIN)
    public Response create(@Valid @NotNull CreateUserRequest request) {
        UserView created = UserView.of(accounts.create(request, caller.username()));
        return Response.created(URI.create("/api/admin/users/" + created.id())).entity(created).build();
    }
}
