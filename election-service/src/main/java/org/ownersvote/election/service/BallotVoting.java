package org.ownersvote.election.service;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;

import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.ownersvote.events.EventCodec;
import org.ownersvote.events.election.VotingOpened;
import org.ownersvote.platform.problem.ProblemException;
import org.ownersvote.platform.problem.ServiceRefusal;
import org.ownersvote.platform.problem.Text;

import io.quarkus.arc.Arc;
import io.vertx.core.http.HttpServerRequest;

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

    private static final Pattern LANGUAGE_RANGES = Pattern.compile(
            "[A-Za-z0-9*][A-Za-z0-9*,;=. -]*");

    @Inject
    @RestClient
    BallotServiceRestClient ballots;

    @Inject
    JsonWebToken jwt;

    @Inject
    Instance<HttpServerRequest> request;

    /** Voting opens in ballot-service: the ballots are issued before anyone sees VOTING. */
    public void open(VotingOpened opened, OffsetDateTime at) {
        String step = "voting-open";
        try {
            ballots.votingOpen(opened.electionId(), EventCodec.write(Map.of("opened", opened, "at", at)),
                    bearer(), callersLanguage());
        } catch (ServiceRefusal refusal) {
            throw refused(refusal, opened.electionId(), step);
        } catch (ProcessingException | FaultToleranceException e) {
            throw unreachable(e, opened.electionId(), step);
        }
    }

    /** Voting closes in ballot-service; returns the one instant every vote was measured against. */
    public OffsetDateTime close(UUID electionId, String to) {
        String step = "voting-close";
        try {
            return OffsetDateTime.parse(ballots.votingClose(electionId, EventCodec.write(Map.of("to", to)), bearer(),
                    callersLanguage()).path("votingClosedAt").asText());
        } catch (ServiceRefusal refusal) {
            throw refused(refusal, electionId, step);
        } catch (ProcessingException | FaultToleranceException e) {
            throw unreachable(e, electionId, step);
        }
    }

    private String bearer() {
        return "Bearer " + jwt.getRawToken();
    }

    /**
     * ballot-service's refusal: a 409 (its record disagrees, e.g. it already left VOTING) is passed on and changes
     * nothing here; its own 503 (not ready yet) keeps its type and words; anything else is "did not answer".
     */
    private static ProblemException refused(ServiceRefusal refusal, UUID electionId, String step) {
        LOG.warnf("ballot-service refused %s of %s: %d %s", step, electionId, refusal.status(), refusal.body());
        if (!refusal.readable()) {
            return unavailable(step, Duration.ofSeconds(5));
        }
        if (refusal.status() == 409) {
            return new ProblemException(409, "voting-" + step, Text.of("voting.ballot-service-refused",
                    refusal.detail()), List.of());
        }
        Duration retry = refusal.retryAfter().orElse(Duration.ofSeconds(5));
        return refusal.status() == 503 && !refusal.slug().isEmpty()
                ? ProblemException.pending(refusal.slug(), Text.of("voting.ballot-service-not-ready",
                        refusal.detail()), retry)
                : unavailable(step, retry);
    }

    private static ProblemException unreachable(RuntimeException e, UUID electionId, String step) {
        LOG.warnf("ballot-service did not answer %s of %s: %s", step, electionId, e.toString());
        return unavailable(step, Duration.ofSeconds(5));
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
