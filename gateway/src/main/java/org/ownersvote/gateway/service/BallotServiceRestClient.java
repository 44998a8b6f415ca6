package org.ownersvote.gateway.service;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.ownersvote.platform.correlation.RequestIds;
import org.ownersvote.platform.problem.ServiceRefusal;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;

/**
 * ballot-service's owner-credentials check, with the gateway's own service token and the request's X-Request-Id.
 * Never retried: ballot-service counts every wrong code, so a second try could count one twice.
 */
@RegisterRestClient(configKey = "ballot-service")
@ClientHeaderParam(name = RequestIds.HEADER, value = "{org.ownersvote.platform.correlation.RequestIds.current}")
public interface BallotServiceRestClient {

    /** The check as ballot-service reads it; it counts wrong codes per ballot and client address. */
    record CredentialsCheck(String ballotSerial, String verificationCode, String clientAddress) {
    }

    @POST
    @Path("/internal/owner-credentials")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Timeout(5000)
    BallotHolder checkOwnerCredentials(CredentialsCheck check,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language);

    @ClientExceptionMapper
    static RuntimeException refusal(Response response) {
        return ServiceRefusal.of(response);
    }
}
