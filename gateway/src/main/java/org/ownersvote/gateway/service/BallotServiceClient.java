package org.ownersvote.gateway.service;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.MDC;
import org.ownersvote.gateway.config.GatewayConfig;
import org.ownersvote.platform.correlation.RequestIds;
import org.ownersvote.platform.problem.Problem;
import org.ownersvote.platform.problem.ProblemException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Asks ballot-service whether a ballot serial and verification code match, with the gateway's own short-lived
 * service token. ballot-service counts wrong codes and locks a serial; its refusals are passed on unchanged.
 */
@ApplicationScoped
public class BallotServiceClient {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(BallotServiceClient.class);

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    @Inject
    GatewayConfig config;

    @Inject
    TokenIssuer tokens;

    @Inject
    ObjectMapper json;

    /** Asks ballot-service; it counts wrong codes per ballot and client address, so it is told the address. */
    public BallotHolder checkOwnerCredentials(String serial, String code, String clientAddress) {
        HttpResponse<String> response;
        try {
            Object requestId = MDC.get(RequestIds.MDC_KEY);
            HttpRequest.Builder request = HttpRequest.newBuilder(config.ballotService().resolve(
                    "/internal/owner-credentials"))
                    .timeout(TIMEOUT)
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + tokens.serviceToken())
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(
                            Map.of("ballotSerial", serial, "verificationCode", code, "clientAddress",
                                    clientAddress == null ? "" : clientAddress))));
            if (requestId != null) {
                request.header(RequestIds.HEADER, requestId.toString());
            }
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw unavailable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable();
        }
        try {
            if (response.statusCode() == 200) {
                return json.readValue(response.body(), BallotHolder.class);
            }
            throw passedOn(response);
        } catch (IOException e) {
            throw unavailable();
        }
    }

    /** ballot-service's problem (wrong code, locked, voided) as the gateway's own answer. */
    private ProblemException passedOn(HttpResponse<String> response) throws IOException {
        int status = response.statusCode();
        JsonNode problem = json.readTree(response.body());
        String slug = problem.path("type").asText("").replace(Problem.TYPE_PREFIX, "");
        boolean ownersDoing = status == 409 || status == 422 || status == 429
                || (status == 401 && slug.equals("wrong-ballot-code"));
        if (!ownersDoing) {
            // our own service token refused, or the service failing: not the owner's doing, so not theirs to fix
            LOG.errorf("ballot-service refused the owner-credentials check: %d %s", status, response.body());
            throw unavailable();
        }
        ProblemException e = status == 429
                ? ProblemException.tooManyRequests(slug, problem.path("detail").asText(), Duration.ofSeconds(
                        response.headers().firstValueAsLong("Retry-After").orElse(60)))
                : new ProblemException(status, slug, problem.path("title").asText(), problem.path("detail").asText(),
                        List.of());
        return e;
    }

    private static ProblemException unavailable() {
        return new ProblemException(503, "service-unavailable", "Service unavailable",
                "Ballots cannot be checked right now; please try again in a minute", List.of());
    }
}
