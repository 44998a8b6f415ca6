package org.ownersvote.gateway.service;

import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
 * election-service as the gateway asks it, with the caller's own token (election-service checks the caller's scope
 * itself) and the request's X-Request-Id. Both calls only read, so a connection that fails before an answer is
 * tried once more; an answer, even an error, is not.
 */
@RegisterRestClient(configKey = "election-service")
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@ClientHeaderParam(name = RequestIds.HEADER, value = "{org.ownersvote.platform.correlation.RequestIds.current}")
@Timeout(5000)
@Retry(maxRetries = 1, delay = 200, jitter = 0, retryOn = ProcessingException.class)
public interface ElectionServiceRestClient {

    @GET
    @Path("/elections/{electionId}")
    JsonNode election(@PathParam("electionId") UUID electionId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @GET
    @Path("/communities/{communityId}/roster/buildings")
    JsonNode rosterBuildings(@PathParam("communityId") UUID communityId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @ClientExceptionMapper
    static RuntimeException refusal(Response response) {
        return ServiceRefusal.of(response);
    }
}
