package org.ownersvote.platform.idempotency;

import jakarta.enterprise.context.RequestScoped;

/**
 * The key, method, path and body hash of this request, as {@link IdempotencyKeyFilter} found them (read through
 * methods: the bean is reached through its client proxy).
 */
@RequestScoped
public class IdempotencyRequest {

    private String key;
    private String method;
    private String path;
    private String bodyHash;
    private IdempotencyKeys.Answer answered;

    void set(String key, String method, String path, String bodyHash) {
        this.key = key;
        this.method = method;
        this.path = path;
        this.bodyHash = bodyHash;
    }

    boolean present() {
        return key != null;
    }

    String key() {
        return key;
    }

    String method() {
        return method;
    }

    String path() {
        return path;
    }

    /** The first answer, committed with the key: sent as stored. */
    void answered(IdempotencyKeys.Answer answer) {
        this.answered = answer;
    }

    IdempotencyKeys.Answer answered() {
        return answered;
    }

    String bodyHash() {
        return bodyHash;
    }
}
