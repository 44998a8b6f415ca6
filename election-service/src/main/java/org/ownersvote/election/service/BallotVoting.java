package org.ownersvote.election.service;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.ownersvote.events.EventCodec;
import org.ownersvote.events.election.VotingOpened;
import org.ownersvote.platform.correlation.RequestIds;
import org.ownersvote.platform.problem.Problem;
import org.ownersvote.platform.problem.ProblemException;
import org.ownersvote.platform.problem.Text;
import org.ownersvote.platform.tracing.TraceHeaders;

import io.quarkus.arc.Arc;
import io.vertx.core.http.HttpServerRequest;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Opens and closes voting in ballot-service as a step of the working group's phase change, with the working
 * group's own token, before election-service commits the new phase (issue 16): people never see VOTING while
 * ballot-service cannot yet issue, print or record, nor COUNTING while it still takes votes. If ballot-service
 * cannot do its part, the phase does not change and the working group is told to try again (503).
 * Both calls are idempotent on ballot-service's side, so a retry after a lost answer is safe. The caller's
 * Accept-Language goes along, so that a refusal ballot-service explains is already in the caller's language when it is
 * passed on.
 */
@ApplicationScoped
public class BallotVoting {

    private static final Logger LOG = Logger.getLogger(BallotVoting.class);

    private static final Duration TIMEOUT = Duration.ofSeconds(30); // issuing a large election's ballots takes a while

    private static final java.util.regex.Pattern LANGUAGE_RANGES = java.util.regex.Pattern.compile(
            "[A-Za-z0-9*][A-Za-z0-9*,;=. -]*");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @ConfigProperty(name = "ownersvote.ballot-service.url")
    URI ballotService;

    @Inject
    JsonWebToken jwt;

    @Inject
    Instance<HttpServerRequest> request;

    /** Voting opens in ballot-service: the ballots are issued before anyone sees VOTING. */
    public void open(VotingOpened opened, OffsetDateTime at) {
        call(opened.electionId(), "voting-open", Map.of("opened", opened, "at", at));
    }

    /** Voting closes in ballot-service; returns the one instant every vote was measured against. */
    public OffsetDateTime close(UUID electionId, String to) {
        JsonNode closed = call(electionId, "voting-close", Map.of("to", to));
        return OffsetDateTime.parse(closed.path("votingClosedAt").asText());
    }

    private JsonNode call(UUID electionId, String step, Object body) {
        HttpResponse<String> response;
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(ballotService.resolve("/internal/elections/"
                    + electionId + "/" + step))
                    .timeout(TIMEOUT)
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + jwt.getRawToken())
                    .POST(HttpRequest.BodyPublishers.ofString(EventCodec.write(body)));
            Object requestId = MDC.get(RequestIds.MDC_KEY);
            if (requestId != null) {
                request.header(RequestIds.HEADER, requestId.toString());
            }
            TraceHeaders.current().forEach(request::header); // ballot-service's step joins the phase change's trace
            String language = callersLanguage();
            if (language != null) {
                request.header("Accept-Language", language);
            }
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            LOG.warnf("ballot-service did not answer %s of %s: %s", step, electionId, e.toString());
            throw unavailable(step, Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(step, Duration.ofSeconds(5));
        }
        try {
            JsonNode answer = EventCodec.mapper().readTree(response.body());
            if (response.statusCode() == 200) {
                return answer;
            }
            LOG.warnf("ballot-service refused %s of %s: %d %s", step, electionId, response.statusCode(),
                    response.body());
            if (response.statusCode() == 409) {
                // ballot-service's record disagrees (e.g. it already left VOTING): say so, change nothing here
                throw new ProblemException(409, "voting-" + step, Text.of("voting.ballot-service-refused",
                        answer.path("detail").asText()), List.of());
            }
            long retry = response.headers().firstValueAsLong("Retry-After").orElse(5);
            String slug = answer.path("type").asText("").replace(Problem.TYPE_PREFIX, "");
            throw response.statusCode() == 503 && !slug.isEmpty()
                    ? ProblemException.pending(slug, Text.of("voting.ballot-service-not-ready",
                            answer.path("detail").asText()), Duration.ofSeconds(retry))
                    : unavailable(step, Duration.ofSeconds(retry));
        } catch (IOException e) {
            throw unavailable(step, Duration.ofSeconds(5));
        }
    }

    /** The Accept-Language of the request this call is a step of, or null outside a request or without one. */
    private String callersLanguage() {
        if (!Arc.container().requestContext().isActive() || !request.isResolvable()) {
            return null;
        }
        String language = request.get().getHeader("Accept-Language");
        // only a well-formed list of language ranges is passed on (a stray character would fail the whole call)
        return language == null || language.length() > 200 || !LANGUAGE_RANGES.matcher(language).matches() ? null
                : language;
    }

    private static ProblemException unavailable(String step, Duration retryAfter) {
        return ProblemException.pending("ballot-service-unavailable", "voting-open".equals(step)
                ? Text.of("voting.open-unavailable") : Text.of("voting.close-unavailable"), retryAfter);
    }
}
