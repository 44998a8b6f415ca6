package org.ownersvote.platform.problem;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * Another service's error answer (4xx or 5xx) as its caller reads it: the status, and the problem detail when the
 * body is one. Thrown by the REST clients' exception mappers, so that each caller decides what the refusal means to
 * its own caller; a service that cannot be reached at all is a ProcessingException or a fault-tolerance timeout, not
 * this.
 */
public class ServiceRefusal extends RuntimeException {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int status;
    private final String body;
    private final JsonNode problem;
    private final Optional<Duration> retryAfter;

    ServiceRefusal(int status, String body, JsonNode problem, Optional<Duration> retryAfter) {
        super("answered " + status);
        this.status = status;
        this.body = body;
        this.problem = problem;
        this.retryAfter = retryAfter;
    }

    /** Reads the answer; a body that is not JSON leaves the problem's fields empty ({@link #readable()} false). */
    public static ServiceRefusal of(Response response) {
        String body = response.hasEntity() ? response.readEntity(String.class) : "";
        JsonNode problem;
        try {
            problem = body.isBlank() ? MissingNode.getInstance() : JSON.readTree(body);
        } catch (IOException e) {
            problem = MissingNode.getInstance();
        }
        Optional<Duration> retryAfter = Optional.empty();
        String header = response.getHeaderString(HttpHeaders.RETRY_AFTER);
        if (header != null && header.strip().matches("\\d{1,9}")) {
            retryAfter = Optional.of(Duration.ofSeconds(Long.parseLong(header.strip())));
        }
        return new ServiceRefusal(response.getStatus(), body, problem, retryAfter);
    }

    public int status() {
        return status;
    }

    /** The body as it came, for the log. */
    public String body() {
        return body;
    }

    /** Whether the body was JSON (a problem detail, as every OwnersVote service answers). */
    public boolean readable() {
        return problem.isObject();
    }

    /** The problem's type without {@link Problem#TYPE_PREFIX}, e.g. "wrong-ballot-code"; empty without one. */
    public String slug() {
        return problem.path("type").asText("").replace(Problem.TYPE_PREFIX, "");
    }

    public String title() {
        return problem.path("title").asText("");
    }

    public String detail() {
        return problem.path("detail").asText("");
    }

    /** The problem's field errors as they came (their messages already in the language the call asked for). */
    public List<Problem.FieldError> errors() {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (JsonNode error : problem.path("errors")) {
            errors.add(new Problem.FieldError(error.path("field").asText(null), error.path("code").asText(null),
                    error.path("message").asText(null), error.path("row").isInt() ? error.path("row").asInt() : null,
                    null));
        }
        return errors;
    }

    /** The Retry-After the service sent, in seconds. */
    public Optional<Duration> retryAfter() {
        return retryAfter;
    }
}
