package org.ownersvote.platform.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem detail, the body of every error response.
 *
 * @param type      a URN naming the kind of problem, stable for clients to switch on
 * @param requestId the X-Request-Id of the failed request, to quote when asking for help
 * @param errors    each invalid field (or row) with a message a working group can act on
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        String requestId,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_PREFIX = "urn:ownersvote:problem:";

    /** One invalid input: a field path, and for row-based uploads the row number (1 = first data row). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldError(String field, String message, Integer row) {
        public FieldError(String field, String message) {
            this(field, message, null);
        }
    }
}
