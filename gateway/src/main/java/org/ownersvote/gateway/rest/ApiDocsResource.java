package org.ownersvote.gateway.rest;

import java.net.URI;
import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.ownersvote.gateway.config.GatewayConfig;
import org.ownersvote.gateway.service.ServiceDocumentsRestClient;
import org.ownersvote.platform.problem.ProblemException;
import org.ownersvote.platform.problem.ServiceRefusal;
import org.ownersvote.platform.problem.Text;

/**
 * One page for the whole API: the OpenAPI documents of the gateway (its own /q/openapi) and of the three services
 * behind it (each declares the bearer-token security scheme), fetched from the services when asked for.
 */
@Path("/api/docs")
@PermitAll
public class ApiDocsResource {

    @Inject
    GatewayConfig config;

    @Inject
    @RestClient
    ServiceDocumentsRestClient documents;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public String index() {
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>OwnersVote API</title>
                <meta name="viewport" content="width=device-width, initial-scale=1"></head>
                <body><h1>OwnersVote API</h1>
                <p>Every request goes through this gateway under <code>/api</code>. Sign in at
                <code>POST /api/auth/login</code> (staff) or <code>POST /api/auth/owner-login</code> (owners) and send
                the access token as <code>Authorization: Bearer …</code>. Errors are RFC 9457 problem details.</p>
                <ul>
                <li><a href="/q/openapi?format=json">gateway</a>: sign-in, refresh, logout, staff accounts</li>
                <li><a href="/api/docs/election-service">election-service</a>: communities, roster, elections, candidates, objections, phases</li>
                <li><a href="/api/docs/ballot-service">ballot-service</a>: ballots, handouts, e-votes, counting, tally, ledger</li>
                <li><a href="/api/docs/notification-service">notification-service</a>: notice board, messages</li>
                </ul></body></html>
                """;
    }

    @GET
    @Path("/{service}")
    @Produces(MediaType.APPLICATION_JSON)
    public String document(@PathParam("service") String service) {
        Map<String, URI> services = Map.of("election-service", config.electionService(), "ballot-service", config.ballotService(),
                "notification-service", config.notificationService());
        URI base = services.get(service);
        if (base == null) {
            throw ProblemException.notFound(Text.of("thing.api-document"), service);
        }
        try {
            return documents.openApi(base);
        } catch (ServiceRefusal | ProcessingException | FaultToleranceException e) {
            // answered below
        }
        throw new ProblemException(503, "service-unavailable", Text.of("docs.unavailable", serviceName(service)),
                java.util.List.of());
    }

    /** A service as a message names it: in words, not by its host name. */
    private static Text serviceName(String service) {
        return switch (service) {
            case "election-service" -> Text.of("service.election-service");
            case "ballot-service" -> Text.of("service.ballot-service");
            default -> Text.of("service.notification-service");
        };
    }
}
