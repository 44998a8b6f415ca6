package org.ownersvote.platform.correlation;

import java.util.UUID;
import java.util.regex.Pattern;

import org.jboss.logging.MDC;

/** The correlation id (X-Request-Id) that follows a request through the gateway, the services and their events. */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";

    // A client-chosen id is kept only if it is short and harmless in logs and log searches (letters, digits, ".", "_",
    // "-"; at most 64): anything else (spaces, quotes, line breaks, markup, longer) is replaced by a new one.
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private RequestIds() {
    }

    public static String acceptOrCreate(String candidate) {
        return candidate != null && ACCEPTABLE.matcher(candidate).matches() ? candidate : UUID.randomUUID().toString();
    }

    /**
     * The id to send along on a call to another service: the id of the request being answered, or a new one outside
     * a request (the REST clients name this method in their {@code @ClientHeaderParam}).
     */
    public static String current() {
        Object requestId = MDC.get(MDC_KEY);
        return requestId == null ? UUID.randomUUID().toString() : requestId.toString();
    }
}
