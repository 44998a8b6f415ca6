package org.ownersvote.platform.problem;

import java.util.List;
import java.util.Locale;

import org.jboss.logging.MDC;
import org.ownersvote.platform.correlation.RequestIds;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/** Problem details answered from a Vert.x route, before a request reaches Quarkus REST (and its mappers). */
public final class RouteProblems {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RouteProblems() {
    }

    /** A problem in the request's language (Accept-Language), its words from the bundles. */
    public static void send(RoutingContext rc, int status, String slug, Text detail) {
        Locale language = ProblemTexts.language(rc.request().getHeader("Accept-Language"));
        rc.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(json(status, slug, ProblemTexts.title(status, slug, language),
                        ProblemTexts.render(detail, language), rc.request().path()));
    }

    /** The JSON of a problem detail, with the request id of the current request. */
    public static String json(int status, String slug, String title, String detail, String instance) {
        Object requestId = MDC.get(RequestIds.MDC_KEY);
        try {
            return JSON.writeValueAsString(new Problem(Problem.TYPE_PREFIX + slug, title, status, detail, instance,
                    requestId == null ? null : requestId.toString(), List.of()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
