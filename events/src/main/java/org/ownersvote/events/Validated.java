package org.ownersvote.events;

/** A payload that checks its own required fields after it is read; throws {@link IllegalArgumentException} when one is missing. */
public interface Validated {
    void validate();

    static void require(Object value, String field) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            throw new IllegalArgumentException(field + " is required");
        }
    }
}
