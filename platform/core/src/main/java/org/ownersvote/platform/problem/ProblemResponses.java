package org.ownersvote.platform.problem;

import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.core.Response;

import org.jboss.logging.MDC;
import org.ownersvote.platform.correlation.RequestIds;

/** Builds problem-detail responses; the one place where the wire shape of an error is decided. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static Response of(int status, String slug, String title, String detail, String instance,
            List<Problem.FieldError> errors) {
        Object requestId = MDC.get(RequestIds.MDC_KEY);
        Problem problem = new Problem(Problem.TYPE_PREFIX + slug, title, status, detail, instance,
                requestId == null ? null : requestId.toString(), errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** A problem in the caller's language: texts from the bundles, each field error's message too. */
    public static Response of(int status, String slug, Text detail, String instance, List<Problem.FieldError> errors,
            Locale language) {
        return of(status, slug, ProblemTexts.title(status, slug, language), ProblemTexts.render(detail, language),
                instance, errors.stream().map(e -> e.in(language)).toList());
    }

    public static Response of(ProblemException e, String instance, Locale language) {
        Response response = of(e.status(), e.slug(), e.title(language), e.detail(language), instance,
                e.errors().stream().map(f -> f.in(language)).toList());
        if (e.retryAfter().isEmpty()) {
            return response;
        }
        // whole seconds, rounded up: a client that waits exactly this long is let in
        long seconds = Math.max(1, (e.retryAfter().get().toMillis() + 999) / 1000);
        return Response.fromResponse(response).header("Retry-After", seconds).build();
    }
}
