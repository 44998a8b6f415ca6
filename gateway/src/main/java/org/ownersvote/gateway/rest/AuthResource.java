package org.ownersvote.gateway.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ownersvote.gateway.rest.dto.LoginRequest;
import org.ownersvote.gateway.rest.dto.OwnerLoginRequest;
import org.ownersvote.gateway.rest.dto.RefreshRequest;
import org.ownersvote.gateway.rest.dto.TokenResponse;
import org.ownersvote.gateway.service.Sessions;
import org.ownersvote.platform.idempotency.IdempotencyKeyDocumentation;

import io.vertx.core.http.HttpServerRequest;

/** Sign-in for staff (username and password) and owners (ballot serial and code), refresh and logout. */
@Path("/api/auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Sign-in", description = "Sign-in for staff and owners, token refresh and sign-out.")
public class AuthResource {

    @Inject
    Sessions sessions;

    /**
     * An owner signs in with the serial and verification code printed on their ballot; ballot-service checks them
     * (wrong codes make the address that typed them wait, never the owner elsewhere). The token opens that one ballot.
     */
    @POST
    @Path("/owner-login")
    @PermitAll
    @Extension(name = IdempotencyKeyDocumentation.NOT_TAKEN,
            value = "ignored: a sign-in; each gives a new token")
    @Operation(summary = "Sign in as an owner with the ballot serial and verification code")
    @APIResponse(responseCode = "200", description = "The tokens for that ballot")
    @APIResponse(responseCode = "401", description = "The serial or code is wrong (wrong-ballot-code)")
    @APIResponse(responseCode = "429",
            description = "Too many wrong codes from this address: wait for Retry-After seconds (ballot-code-wait)")
    public TokenResponse ownerLogin(@Valid @NotNull OwnerLoginRequest request, @Context HttpServerRequest http) {
        return TokenResponse.of(sessions.ownerLogin(request.ballotSerial().strip(), request.verificationCode(),
                address(http), http.getHeader("Accept-Language")));
    }

    @POST
    @Path("/login")
    @PermitAll
    @Extension(name = IdempotencyKeyDocumentation.NOT_TAKEN,
            value = "ignored: a sign-in; each gives a new token")
    @Operation(summary = "Sign in as staff")
    @APIResponse(responseCode = "200", description = "The tokens")
    @APIResponse(responseCode = "401",
            description = "Wrong username or password, or the account is disabled (login-failed)")
    @APIResponse(responseCode = "429",
            description = "Too many failed sign-ins for the account or from this address: wait for Retry-After "
                    + "seconds (too-many-logins)")
    public TokenResponse login(@Valid @NotNull LoginRequest request, @Context HttpServerRequest http) {
        return TokenResponse.of(sessions.login(request.username(), request.password(), address(http)));
    }

    /** The next access token and refresh token; the refresh token presented is used up. */
    @POST
    @Path("/refresh")
    @PermitAll
    @Extension(name = IdempotencyKeyDocumentation.NOT_TAKEN,
            value = "ignored: a kept answer would hold live tokens")
    @Operation(summary = "Refresh the tokens")
    @APIResponse(responseCode = "200", description = "The next tokens")
    @APIResponse(responseCode = "401",
            description = "The refresh token is unknown, used, expired or revoked (refresh-refused)")
    public TokenResponse refresh(@Valid @NotNull RefreshRequest request) {
        return TokenResponse.of(sessions.refresh(request.refreshToken()));
    }

    /** Ends the session: its refresh tokens are revoked and its access tokens refused at once (SessionRoute). */
    @POST
    @Path("/logout")
    @PermitAll
    @Extension(name = IdempotencyKeyDocumentation.NOT_TAKEN,
            value = "ignored: signing out again changes nothing")
    @Operation(summary = "Sign out")
    @APIResponse(responseCode = "204", description = "Signed out")
    public void logout(@Valid @NotNull RefreshRequest request) {
        sessions.logout(request.refreshToken());
    }

    private static String address(HttpServerRequest http) {
        return http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
    }
}
