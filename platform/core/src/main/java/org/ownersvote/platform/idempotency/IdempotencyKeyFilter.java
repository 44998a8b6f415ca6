package org.ownersvote.platform.idempotency;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.ownersvote.platform.problem.ProblemException;
import org.ownersvote.platform.problem.Text;
import org.ownersvote.platform.text.Digests;

/**
 * Reads the Idempotency-Key of a request to an {@link Idempotent} method, and hashes the body bytes exactly as they
 * came (the body is then handed on unchanged). Runs on the worker thread of the blocking endpoint (a filter is not
 * {@code nonBlocking}), before the body is read as JSON; the transaction starts later, in
 * {@link IdempotencyInterceptor}, so a response filter that may be skipped (a dropped connection) never owns one.
 */
public class IdempotencyKeyFilter {

    static final int MAX_LENGTH = 100;

    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT");

    @Inject
    IdempotencyRequest current;

    @ServerRequestFilter
    public void read(ContainerRequestContext request, ResourceInfo resource) throws IOException {
        String key = request.getHeaderString(Idempotent.HEADER);
        if (key == null || !STATE_CHANGING.contains(request.getMethod()) || !idempotent(resource)) {
            return;
        }
        if (!wellFormed(key)) {
            throw new ProblemException(400, "idempotency-key-invalid",
                    Text.of("problem.idempotency-key-invalid", MAX_LENGTH), List.of());
        }
        byte[] body = request.hasEntity() ? request.getEntityStream().readAllBytes() : new byte[0];
        request.setEntityStream(new ByteArrayInputStream(body));
        URI uri = request.getUriInfo().getRequestUri();
        current.set(key, request.getMethod(),
                uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()), Digests.sha256Hex(body));
    }

    /** 1 to 100 printable ASCII characters (space to tilde), as the IETF draft's keys and UUIDs are. */
    static boolean wellFormed(String key) {
        if (key.isEmpty() || key.length() > MAX_LENGTH || key.isBlank()) {
            return false;
        }
        return key.chars().allMatch(c -> c >= 0x20 && c <= 0x7e);
    }

    private static boolean idempotent(ResourceInfo resource) {
        return resource != null && resource.getResourceMethod() != null
                && (resource.getResourceMethod().isAnnotationPresent(Idempotent.class)
                        || resource.getResourceClass().isAnnotationPresent(Idempotent.class));
    }
}
