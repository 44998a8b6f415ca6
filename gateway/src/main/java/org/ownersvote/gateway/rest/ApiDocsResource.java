package org.ownersvote.gateway.rest;

import java.net.URI;
import java.util.List;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
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
@Tag(name = "API documentation", description = "The OpenAPI documents of the gateway and the services behind it.")
public class ApiDocsResource {

    @Inject
    GatewayConfig config;

    @Inject
    @RestClient
    ServiceDocumentsRestClient documents;

    /**
     * Swagger UI over the four documents (chosen at the top right), with the links to the documents themselves. Its
     * files come from Quarkus's Swagger UI (/q/swagger-ui/, included in the gateway's jar) and it is started by
     * /api-docs.js, not by an inline script as on Quarkus's own page, which the web client's Content-Security-Policy
     * (scripts from this origin only) would refuse.
     */
    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true) // a page for people, not part of the API
    public String index() {
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>OwnersVote API</title>
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <link rel="stylesheet" href="/q/swagger-ui/swagger-ui.css"></head>
                <body><header style="font-family: sans-serif; margin: 0 20px"><h1>OwnersVote API</h1>
                <p>Every request goes through this gateway under <code>/api</code>. Sign in at
                <code>POST /api/auth/login</code> (staff) or <code>POST /api/auth/owner-login</code> (owners) and send
                the access token as <code>Authorization: Bearer …</code>. Errors are RFC 9457 problem details.</p>
                <ul>
                <li><a href="/q/openapi?format=json">gateway</a>: sign-in, refresh, logout, staff accounts</li>
                <li><a href="/api/docs/election-service">election-service</a>: communities, roster, elections, candidates, objections, phases</li>
                <li><a href="/api/docs/ballot-service">ballot-service</a>: ballots, handouts, e-votes, counting, tally, ledger</li>
                <li><a href="/api/docs/notification-service">notification-service</a>: notice board, messages</li>
                </ul></header>
                <div id="swagger-ui"></div>
                <script src="/q/swagger-ui/swagger-ui-bundle.js"></script>
                <script src="/q/swagger-ui/swagger-ui-standalone-preset.js"></script>
                <script src="/api-docs.js"></script>
                </body></html>
                """;
    }

    @GET
    @Path("/{service}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Read a service's OpenAPI document")
    @APIResponse(responseCode = "200", description = "The service's OpenAPI document (JSON)")
    @APIResponse(responseCode = "503", description = "The service did not answer (service-unavailable)")
    public String document(@PathParam("service") String service) {
        Map<String, URI> services = Map.of("election-service", config.electionService(), "ballot-service",
                config.ballotService(),
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
                List.of());
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
