package org.ownersvote.platform.problem;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotFoundException;
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
        return ProblemResponses.of(e, path(uri));
    }

    /** Declared separately: Quarkus has a built-in mapper for this subtype that would otherwise win. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            String field = fieldPath(unknown);
            return ProblemResponses.of(400, "unknown-field", "Unknown field",
                    "The request has a field this endpoint does not accept: " + field, path(uri),
                    List.of(new Problem.FieldError(field, "unknown field")));
        }
        // the parser's own message names Java types and library internals: it goes to the log, never to the caller
        LOG.debugf("unreadable request body: %s", e.getOriginalMessage());
        if (e instanceof JsonParseException) {
            String at = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")";
            return ProblemResponses.of(400, "malformed-json", "Malformed JSON",
                    "The request body is not valid JSON" + at, path(uri), List.of());
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = fieldPath(mapping);
            String message = e instanceof InvalidFormatException invalid
                    ? Values.notValid(invalid.getValue(), invalid.getTargetType())
                    : "has the wrong type or shape";
            return ProblemResponses.of(400, "invalid-field", "Invalid field", field + ": " + message, path(uri),
                    List.of(new Problem.FieldError(field, message)));
        }
        return ProblemResponses.of(400, "malformed-json", "Malformed JSON",
                "The request body cannot be read as this endpoint's JSON", path(uri), List.of());
    }

    /**
     * A query parameter whose text does not convert (an unknown enum constant, "abc" for a number): JAX-RS says 404,
     * which reads as "no such resource"; it is the caller's mistake in one parameter, so 400 naming it. (A path
     * parameter that does not convert stays 404: there is no resource at that path.)
     */
    /** The 400 naming the query parameter that did not convert; null when none did (then it is the path's 404). */
    private Response badParameter(WebApplicationException e, UriInfo uri, ResourceInfo resource) {
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
                        errors.add(new Problem.FieldError(name, Values.notValid(value, type)));
                        break;
                    }
                }
            }
        }
        if (errors.isEmpty()) {
            return null; // no query parameter is at fault: a path parameter did not convert, which stays 404
        }
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return ProblemResponses.of(400, "invalid-parameter", "Invalid parameter", detail, path(uri), errors);
    }

    private static boolean hasQueryParameter(Method method) {
        return java.util.Arrays.stream(method.getParameters()).anyMatch(p -> queryName(p) != null);
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
        if (!java.util.Collection.class.isAssignableFrom(p.getType()) && p.getType() != java.util.Optional.class) {
            return p.getType();
        }
        if (p.getParameterizedType() instanceof ParameterizedType generic
                && generic.getActualTypeArguments()[0] instanceof Class<?> element) {
            return element;
        }
        return null;
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldPath(v), v.getMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return ProblemResponses.of(422, "invalid-request", "Invalid request", detail, path(uri), errors);
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        Response problem = ProblemResponses.of(401, "unauthenticated", "Unauthenticated",
                "A valid bearer token is required (it may be missing, expired or not issued for this service)",
                path(uri), List.of());
        return Response.fromResponse(problem).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri, HttpServerRequest request) {
        refused(request, uri, "role not allowed");
        return ProblemResponses.of(403, "forbidden", "Forbidden",
                "Your role does not allow this action", path(uri), List.of());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri, ResourceInfo resource) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json, uri);
        }
        if (e instanceof NotFoundException && e.getCause() != null && resource != null
                && resource.getResourceMethod() != null && hasQueryParameter(resource.getResourceMethod())) {
            Response bad = badParameter(e, uri, resource);
            if (bad != null) {
                return bad;
            }
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        if (status.getStatusCode() >= 500) {
            LOG.error("Request failed", e);
        }
        String detail = switch (status.getStatusCode()) {
            case 404 -> "There is no resource at " + path(uri);
            case 405 -> "This resource does not support that method";
            case 415 -> "This resource does not accept that content type";
            case 406 -> "This resource cannot answer in the requested media type";
            default -> status.getReasonPhrase();
        };
        String slug = status.getReasonPhrase().toLowerCase().replace(' ', '-');
        Response problem = ProblemResponses.of(status.getStatusCode(), slug, status.getReasonPhrase(), detail,
                path(uri), List.of());
        Response.ResponseBuilder builder = Response.fromResponse(problem);
        String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
        if (allow != null) {
            builder.header(HttpHeaders.ALLOW, allow);
        }
        return builder.build();
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        LOG.error("Unexpected failure", e);
        return ProblemResponses.of(500, "internal-error", "Internal error",
                "The request could not be completed and changed nothing; quote the request id when reporting it",
                path(uri), List.of());
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
        if (io.vertx.core.Context.isOnEventLoopThread()) {
            io.smallrye.mutiny.infrastructure.Infrastructure.getDefaultWorkerPool().execute(record);
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
