package org.ownersvote.gateway.service;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;

import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.ownersvote.platform.problem.Problem;
import org.ownersvote.platform.problem.ProblemException;
import org.ownersvote.platform.problem.ProblemTexts;
import org.ownersvote.platform.problem.ServiceRefusal;
import org.ownersvote.platform.problem.Text;

/**
 * Asks ballot-service whether a ballot serial and verification code match, with the gateway's own short-lived
 * service token. ballot-service counts wrong codes and locks a serial; its refusals are passed on unchanged, in the
 * owner's language: ballot-service is asked in the language the gateway answers in (from the owner's
 * Accept-Language), so its title and detail come back ready to pass on.
 */
@ApplicationScoped
public class BallotServiceClient {

    private static final Logger LOG = Logger.getLogger(BallotServiceClient.class);

    @Inject
    @RestClient
    BallotServiceRestClient ballots;

    @Inject
    TokenIssuer tokens;

    /**
     * Asks ballot-service; it counts wrong codes per ballot and client address, so it is told the address. It answers
     * in the language of {@code acceptLanguage} (the owner's Accept-Language), as the gateway's own problems do.
     */
    public BallotHolder checkOwnerCredentials(String serial, String code, String clientAddress,
            String acceptLanguage) {
        try {
            // the language decided here, not the header as typed: the two services then agree on it
            return ballots.checkOwnerCredentials(new BallotServiceRestClient.CredentialsCheck(serial, code,
                    clientAddress == null ? "" : clientAddress), "Bearer " + tokens.serviceToken(),
                    ProblemTexts.language(acceptLanguage).toLanguageTag());
        } catch (ServiceRefusal refusal) {
            throw passedOn(refusal);
        } catch (ProcessingException | FaultToleranceException e) {
            throw unavailable();
        }
    }

    /** ballot-service's problem (wrong code, locked, voided) as the gateway's own answer. */
    private static ProblemException passedOn(ServiceRefusal refusal) {
        int status = refusal.status();
        boolean ownersDoing = refusal.readable() && (status == 409 || status == 422 || status == 429
                || (status == 401 && refusal.slug().equals("wrong-ballot-code")));
        if (!ownersDoing) {
            // our own service token refused, or the service failing: not the owner's doing, so not theirs to fix
            LOG.errorf("ballot-service refused the owner-credentials check: %d %s", status, refusal.body());
            return unavailable();
        }
        Duration retryAfter = status == 429 ? refusal.retryAfter().orElse(Duration.ofSeconds(60)) : null;
        return new PassedOn(status, refusal.slug(), refusal.title(), refusal.detail(), refusal.errors(), retryAfter);
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
