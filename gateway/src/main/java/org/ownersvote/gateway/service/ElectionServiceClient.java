package org.ownersvote.gateway.service;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.ownersvote.gateway.config.GatewayConfig;
import org.ownersvote.platform.problem.ProblemException;
import org.ownersvote.platform.problem.Text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Asks election-service, with the caller's own token, which community an election belongs to. election-service
 * checks the caller's scope itself, so an election outside it answers 403 or 404 here too.
 */
@ApplicationScoped
public class ElectionServiceClient {

    private static final Logger LOG = Logger.getLogger(ElectionServiceClient.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    @Inject
    GatewayConfig config;

    @Inject
    ObjectMapper json;

    public UUID communityOf(UUID electionId, String callerToken) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    config.electionService().resolve("/api/elections/" + electionId)).timeout(TIMEOUT)
                    .header("Authorization", "Bearer " + callerToken).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                JsonNode election = json.readTree(response.body());
                return UUID.fromString(election.path("communityId").asText());
            }
            if (response.statusCode() == 404) {
                throw ProblemException.notFound(Text.of("thing.election"), electionId);
            }
            if (response.statusCode() == 403) {
                throw ProblemException.forbidden(Text.of("staff.election-not-covered"));
            }
            LOG.errorf("election-service answered %d for election %s", response.statusCode(), electionId);
        } catch (IOException e) {
            LOG.warnf("election-service unreachable: %s", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new ProblemException(503, "service-unavailable",
                Text.of("problem.service-unavailable", Text.of("service.election-service")), java.util.List.of());
    }
}
