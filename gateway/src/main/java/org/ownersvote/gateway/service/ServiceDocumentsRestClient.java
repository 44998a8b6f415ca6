package org.ownersvote.gateway.service;

import java.net.URI;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.ownersvote.platform.correlation.RequestIds;
import org.ownersvote.platform.problem.ServiceRefusal;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.quarkus.rest.client.reactive.ClientQueryParam;
import io.quarkus.rest.client.reactive.Url;

/**
 * A service's OpenAPI document (its /q/openapi as JSON), from the service each call names. Only read, so a
 * connection that fails before an answer is tried once more.
 */
@RegisterRestClient(configKey = "service-documents")
@ClientHeaderParam(name = RequestIds.HEADER, value = "{org.ownersvote.platform.correlation.RequestIds.current}")
public interface ServiceDocumentsRestClient {

    @GET
    @Path("/q/openapi")
    @ClientQueryParam(name = "format", value = "json")
    @Produces(MediaType.APPLICATION_JSON)
    @Timeout(5000)
    @Retry(maxRetries = 1, delay = 200, jitter = 0, retryOn = ProcessingException.class)
    String openApi(@Url URI service);

    @ClientExceptionMapper
    static RuntimeException refusal(Response response) {
        return ServiceRefusal.of(response);
    }
}
