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

    /** The buildings on the community's roster (empty before a roster is imported), under the caller's token. */
    public java.util.List<String> rosterBuildings(UUID communityId, String callerToken) {
        try {
            HttpResponse<String> response = get("/api/communities/" + communityId + "/roster/buildings", callerToken);
            if (response.statusCode() == 200) {
                java.util.List<String> buildings = new java.util.ArrayList<>();
                json.readTree(response.body()).forEach(b -> buildings.add(b.path("building").asText()));
                return buildings;
            }
            if (response.statusCode() == 404) {
                return java.util.List.of(); // no roster yet
            }
            if (response.statusCode() == 403) {
                throw ProblemException.forbidden(Text.of("staff.election-not-covered"));
            }
            LOG.errorf("election-service answered %d for the buildings of %s", response.statusCode(), communityId);
        } catch (IOException e) {
            LOG.warnf("election-service unreachable: %s", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw unavailable();
    }

    private HttpResponse<String> get(String path, String callerToken) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(config.electionService().resolve(path)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + callerToken).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static ProblemException unavailable() {
        return new ProblemException(503, "service-unavailable",
                Text.of("problem.service-unavailable", Text.of("service.election-service")), java.util.List.of());
    }

    public UUID communityOf(UUID electionId, String callerToken) {
        try {
            HttpResponse<String> response = get("/api/elections/" + electionId, callerToken);
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
        throw unavailable();
    }
}
