package org.ownersvote.gateway.routing;

/**
 * Which proxied requests the gateway sends a second time when the first got no answer at all (the connection was
 * refused, closed or reset before a response came): a read, or a write that carries an Idempotency-Key, because the
 * service answers a repeated key with the first answer instead of applying it again. A write without a key is never
 * repeated: the gateway cannot know whether the service applied it before the connection broke.
 */
public final class Retries {

    private Retries() {
    }

    public static boolean mayRetry(String method, boolean carriesIdempotencyKey) {
        return switch (method) {
            case "GET", "HEAD", "OPTIONS" -> true;
            default -> carriesIdempotencyKey;
        };
    }
}
