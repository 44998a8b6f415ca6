package org.ownersvote.platform.problem;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.ownersvote.platform.audit.AuditLog;
import org.ownersvote.platform.correlation.RequestIds;
import org.ownersvote.platform.security.Caller;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.http.HttpServerRequest;

/**
 * Maps every exception a request can end in to an RFC 9457 problem detail: never a stack trace, never an
 * empty body. Unexpected failures are logged with the request id and answered without internals.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @Inject
    AuditLog audit;

    @Inject
    Caller caller;

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri, HttpServerRequest request) {
        if (e.status() == 403) {
            refused(request, uri, e.getMessage());
        }
        return ProblemResponses.of(e, path(uri), language(request));
    }

    /** Declared separately: Quarkus has a built-in mapper for this subtype that would otherwise win. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri, HttpServerRequest request) {
        return unreadableJson(e, uri, request);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri, HttpServerRequest request) {
        Locale language = language(request);
        if (e instanceof UnrecognizedPropertyException unknown) {
            String field = fieldPath(unknown);
            return ProblemResponses.of(400, "unknown-field", Text.of("problem.unknown-field", field), path(uri),
                    List.of(Problem.FieldError.of(field, Text.of("field.unknown"))), language);
        }
        // the parser's own message names Java types and library internals: it goes to the log, never to the caller
        LOG.debugf("unreadable request body: %s", e.getOriginalMessage());
        if (e instanceof JsonParseException) {
            Text detail = e.getLocation() == null ? Text.of("problem.malformed-json")
                    : Text.of("problem.malformed-json-at", e.getLocation().getLineNr(), e.getLocation().getColumnNr());
            return ProblemResponses.of(400, "malformed-json", detail, path(uri), List.of(), language);
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = fieldPath(mapping);
            Text message = e instanceof InvalidFormatException invalid
                    ? Values.notValid(invalid.getValue(), invalid.getTargetType())
                    : Text.of("field.wrong-shape");
            return ProblemResponses.of(400, "invalid-field", Text.of("problem.field", field, message), path(uri),
                    List.of(Problem.FieldError.of(field, message)), language);
        }
        return ProblemResponses.of(400, "malformed-json", Text.of("problem.unreadable-json"), path(uri), List.of(),
                language);
    }

    /**
     * A query parameter whose text does not convert (an unknown enum constant, "abc" for a number): JAX-RS says 404,
     * which reads as "no such resource"; it is the caller's mistake in one parameter, so 400 naming it. (A path
     * parameter that does not convert stays 404: there is no resource at that path.)
     */
    /** The 400 naming the query parameter that did not convert; null when none did (then it is the path's 404). */
    private Response badParameter(WebApplicationException e, UriInfo uri, ResourceInfo resource, Locale language) {
        LOG.debugf("parameter conversion failed: %s", e.getCause());
        List<Problem.FieldError> errors = new ArrayList<>();
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method != null && uri != null) {
            for (Parameter p : method.getParameters()) {
                String name = queryName(p);
                List<String> given = name == null ? null : uri.getQueryParameters().get(name);
                Class<?> type = elementType(p);
                if (given == null || type == null) {
                    continue;
                }
                for (String value : given) {
                    if (!Values.converts(type, value).orElse(true)) {
                        errors.add(Problem.FieldError.of(name, Values.notValid(value, type)));
                        break;
                    }
                }
            }
        }
        if (errors.isEmpty()) {
            return null; // no query parameter is at fault: a path parameter did not convert, which stays 404
        }
        return ProblemResponses.of(400, "invalid-parameter", fieldList(errors), path(uri), errors, language);
    }

    private static boolean hasQueryParameter(Method method) {
        return Arrays.stream(method.getParameters()).anyMatch(p -> queryName(p) != null);
    }

    private static String queryName(Parameter p) {
        QueryParam query = p.getAnnotation(QueryParam.class);
        if (query != null) {
            return query.value();
        }
        RestQuery rest = p.getAnnotation(RestQuery.class);
        return rest == null ? null : rest.value().isEmpty() ? p.getName() : rest.value();
    }

    private static Class<?> elementType(Parameter p) {
        if (!Collection.class.isAssignableFrom(p.getType()) && p.getType() != Optional.class) {
            return p.getType();
        }
        if (p.getParameterizedType() instanceof ParameterizedType generic
                && generic.getActualTypeArguments()[0] instanceof Class<?> element) {
            return element;
        }
        return null;
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri, HttpServerRequest request) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> Problem.FieldError.of(fieldPath(v), Constraints.text(v)))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        return ProblemResponses.of(422, "invalid-request", fieldList(errors), path(uri), errors, language(request));
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthenticated(RuntimeException e, UriInfo uri, HttpServerRequest request) {
        Response problem = ProblemResponses.of(401, "unauthenticated", Text.of("problem.unauthenticated"),
                path(uri), List.of(), language(request));
        return Response.fromResponse(problem).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri, HttpServerRequest request) {
        refused(request, uri, "role not allowed");
        return ProblemResponses.of(403, "forbidden", Text.of("problem.role-not-allowed"), path(uri), List.of(),
                language(request));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri, ResourceInfo resource, HttpServerRequest request) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json, uri, request);
        }
        Locale language = language(request);
        if (e instanceof NotFoundException && e.getCause() != null && resource != null
                && resource.getResourceMethod() != null && hasQueryParameter(resource.getResourceMethod())) {
            Response bad = badParameter(e, uri, resource, language);
            if (bad != null) {
                return bad;
            }
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        if (status.getStatusCode() >= 500) {
            LOG.error("Request failed", e);
        }
        Text detail = switch (status.getStatusCode()) {
            case 404 -> Text.of("problem.no-resource", path(uri));
            case 405 -> Text.of("problem.method-not-allowed");
            case 415 -> Text.of("problem.unsupported-media-type");
            case 406 -> Text.of("problem.not-acceptable");
            default -> Text.of("status." + status.getStatusCode());
        };
        String slug = status.getReasonPhrase().toLowerCase().replace(' ', '-');
        Response problem = ProblemResponses.of(status.getStatusCode(), slug, detail, path(uri), List.of(), language);
        Response.ResponseBuilder builder = Response.fromResponse(problem);
        String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
        if (allow != null) {
            builder.header(HttpHeaders.ALLOW, allow);
        }
        return builder.build();
    }

    @ServerExceptionMapper(priority = Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri, HttpServerRequest request) {
        if (DatabaseOutage.causedBy(e)) {
            LOG.warnf("Database not reachable: %s", e.getMessage());
            return Response.fromResponse(ProblemResponses.of(503, "database-unavailable",
                    Text.of("problem.database-unavailable"), path(uri), List.of(), language(request)))
                    .header("Retry-After", 5).build();
        }
        LOG.error("Unexpected failure", e);
        return ProblemResponses.of(500, "internal-error", Text.of("problem.internal-error"), path(uri), List.of(),
                language(request));
    }

    /** The caller's language, from Accept-Language (see {@link ProblemTexts#language}). */
    static Locale language(HttpServerRequest request) {
        return ProblemTexts.language(request == null ? null : request.getHeader("Accept-Language"));
    }

    /** "field: message; field: message" in the caller's language. */
    private static Text fieldList(List<Problem.FieldError> errors) {
        return Text.of("problem.fields", new FieldList(errors));
    }

    /**
     * Every permission refusal goes to the audit log (in a transaction of its own: the request changed nothing),
     * so that probing for other communities' or elections' data leaves a trace.
     */
    private void refused(HttpServerRequest request, UriInfo uri, String reason) {
        String actor = caller.username();
        String what = request.method() + " " + path(uri);
        Object requestId = MDC.get(RequestIds.MDC_KEY);
        Runnable record = () -> {
            if (requestId != null) {
                MDC.put(RequestIds.MDC_KEY, requestId);
            }
            try {
                audit.recordRefusal(actor, "permission", "request", what, null, reason);
            } catch (RuntimeException auditFailed) { // the refusal stands even if it cannot be written down
                LOG.errorf(auditFailed, "Could not audit the refusal of %s", what);
            } finally {
                MDC.remove(RequestIds.MDC_KEY);
            }
        };
        // role checks refuse on the event loop, where no transaction may start: write it down on a worker
        if (Context.isOnEventLoopThread()) {
            Infrastructure.getDefaultWorkerPool().execute(record);
        } else {
            record.run();
            if (requestId != null) {
                MDC.put(RequestIds.MDC_KEY, requestId);
            }
        }
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }

    private static String fieldPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String fieldPath(ConstraintViolation<?> v) {
        // "create.request.title" -> "title": drop the method and parameter names of the validated call
        String path = v.getPropertyPath().toString();
        String[] parts = path.split("\\.", 3);
        return parts.length == 3 ? parts[2] : parts[parts.length - 1];
    }
}
