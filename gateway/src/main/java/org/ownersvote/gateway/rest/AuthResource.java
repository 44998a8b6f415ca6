package org.ownersvote.gateway.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.ownersvote.gateway.rest.dto.LoginRequest;
import org.ownersvote.gateway.rest.dto.OwnerLoginRequest;
import org.ownersvote.gateway.service.BallotServiceClient;
import org.ownersvote.gateway.rest.dto.TokenResponse;
import org.ownersvote.gateway.service.AccountService;
import org.ownersvote.gateway.service.TokenIssuer;
import org.ownersvote.platform.problem.ProblemException;

@Path("/api/auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AuthResource {

    @Inject
    AccountService accounts;

    @Inject
    TokenIssuer tokens;

    @Inject
    BallotServiceClient ballots;

    /**
     * An owner signs in with the serial and verification code printed on their ballot; ballot-service checks them
     * (and locks a serial after five wrong codes). The token opens that one ballot.
     */
    @POST
    @Path("/owner-login")
    @PermitAll
    public TokenResponse ownerLogin(@Valid @NotNull OwnerLoginRequest request) {
        TokenIssuer.IssuedToken token = tokens.issueOwner(
                ballots.checkOwnerCredentials(request.ballotSerial().strip(), request.verificationCode()));
        return new TokenResponse(token.accessToken(), "Bearer", token.expiresIn(), token.roles());
    }

    @POST
    @Path("/login")
    @PermitAll
    public TokenResponse login(@Valid @NotNull LoginRequest request) {
        return accounts.authenticate(request.username(), request.password())
                .map(tokens::issue)
                .map(t -> new TokenResponse(t.accessToken(), "Bearer", t.expiresIn(), t.roles()))
                // one answer for unknown user, wrong password and disabled account: nothing to enumerate
                .orElseThrow(() -> new ProblemException(401, "login-failed", "Login failed",
                        "Wrong username or password, or the account is disabled", java.util.List.of()));
    }
}
