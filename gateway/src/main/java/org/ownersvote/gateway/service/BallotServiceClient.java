package org.ownersvote.gateway.service;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.MDC;
import org.ownersvote.gateway.config.GatewayConfig;
import org.ownersvote.platform.correlation.RequestIds;
import org.ownersvote.platform.problem.Problem;
import org.ownersvote.platform.problem.ProblemException;
import org.ownersvote.platform.problem.ProblemTexts;
import org.ownersvote.platform.problem.Text;
import org.ownersvote.platform.tracing.TraceHeaders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Asks ballot-service whether a ballot serial and verification code match, with the gateway's own short-lived
 * service token. ballot-service counts wrong codes and locks a serial; its refusals are passed on unchanged, in the
 * owner's language: ballot-service is asked in the language the gateway answers in (from the owner's
 * Accept-Language), so its title and detail come back ready to pass on.
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

    /**
     * Asks ballot-service; it counts wrong codes per ballot and client address, so it is told the address. It answers
     * in the language of {@code acceptLanguage} (the owner's Accept-Language), as the gateway's own problems do.
     */
    public BallotHolder checkOwnerCredentials(String serial, String code, String clientAddress,
            String acceptLanguage) {
        HttpResponse<String> response;
        try {
            Object requestId = MDC.get(RequestIds.MDC_KEY);
            HttpRequest.Builder request = HttpRequest.newBuilder(config.ballotService().resolve(
                    "/internal/owner-credentials"))
                    .timeout(TIMEOUT)
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + tokens.serviceToken())
                    // the language decided here, not the header as typed: the two services then agree on it
                    .header("Accept-Language", ProblemTexts.language(acceptLanguage).toLanguageTag())
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(
                            Map.of("ballotSerial", serial, "verificationCode", code, "clientAddress",
                                    clientAddress == null ? "" : clientAddress))));
            if (requestId != null) {
                request.header(RequestIds.HEADER, requestId.toString());
            }
            TraceHeaders.current().forEach(request::header); // the check joins the owner's sign-in trace
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
        List<Problem.FieldError> errors = new ArrayList<>();
        for (JsonNode error : problem.path("errors")) {
            errors.add(new Problem.FieldError(error.path("field").asText(null), error.path("code").asText(null),
                    error.path("message").asText(null), error.path("row").isInt() ? error.path("row").asInt() : null,
                    null));
        }
        Duration retryAfter = status == 429 ? Duration.ofSeconds(
                response.headers().firstValueAsLong("Retry-After").orElse(60)) : null;
        return new PassedOn(status, slug, problem.path("title").asText(""), problem.path("detail").asText(""),
                errors, retryAfter);
    }

    private static ProblemException unavailable() {
        return new ProblemException(503, "service-unavailable", Text.of("owner-login.unavailable"), List.of());
    }

    /**
     * ballot-service's problem as the gateway answers it: its title and detail were written in the caller's language
     * already (ballot-service was asked in it), so they are passed on as they came, whatever language is asked of the
     * gateway's own texts. A problem without a title gets the gateway's title for its status.
     */
    static final class PassedOn extends ProblemException {

        private final String passedOnTitle;
        private final Duration passedOnRetryAfter;

        PassedOn(int status, String slug, String title, String detail, List<Problem.FieldError> errors,
                Duration retryAfter) {
            super(status, slug, Text.of("owner-login.passed-on", detail), errors);
            this.passedOnTitle = title;
            this.passedOnRetryAfter = retryAfter;
        }

        @Override
        public String title(Locale language) {
            return passedOnTitle.isBlank() ? super.title(language) : passedOnTitle;
        }

        @Override
        public Optional<Duration> retryAfter() {
            return Optional.ofNullable(passedOnRetryAfter);
        }
    }
}
