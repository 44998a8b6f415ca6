package org.ownersvote.election.service;

import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.ownersvote.platform.correlation.RequestIds;
import org.ownersvote.platform.problem.ServiceRefusal;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;

/**
 * ballot-service's two voting steps, with the working group's own token, the request's X-Request-Id and the
 * caller's language. Both are idempotent on ballot-service's side, so a connection that fails before an answer is
 * tried once more; an answer (even a refusal) and a timeout are not: issuing a large election's ballots takes a
 * while, and the working group is told to try again instead. The body is written as events are (EventCodec), the
 * form ballot-service reads them in.
 */
@RegisterRestClient(configKey = "ballot-service")
@Path("/internal/elections/{electionId}")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@ClientHeaderParam(name = RequestIds.HEADER, value = "{org.ownersvote.platform.correlation.RequestIds.current}")
@Timeout(value = 30, unit = ChronoUnit.SECONDS)
@Retry(maxRetries = 1, delay = 200, jitter = 0, retryOn = ProcessingException.class)
public interface BallotServiceRestClient {

    @POST
    @Path("/voting-open")
    JsonNode votingOpen(@PathParam("electionId") UUID electionId, String body,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language);

    @POST
    @Path("/voting-close")
    JsonNode votingClose(@PathParam("electionId") UUID electionId, String body,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language);

    @ClientExceptionMapper
    static RuntimeException refusal(Response response) {
        return ServiceRefusal.of(response);
    }
}
