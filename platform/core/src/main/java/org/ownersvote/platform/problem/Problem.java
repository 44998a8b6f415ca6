package org.ownersvote.platform.problem;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

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

    /**
     * One invalid input: a field path, a stable code to switch on (the message key, e.g. "roster.area-not-positive";
     * absent for an uncoded message), the message in the caller's language, and for row-based uploads the row number
     * (1 = first data row).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({ "field", "code", "message", "row" })
    public record FieldError(String field, String code, String message, Integer row,
            @JsonIgnore Text text) {

        public static FieldError of(String field, Text message) {
            return of(field, null, message);
        }

        public static FieldError of(String field, Integer row, Text message) {
            return new FieldError(field, message.key(), message.english(), row, message);
        }

        /** This error with its message in the language (uncoded messages stay as they are). */
        public FieldError in(Locale language) {
            return text == null ? this : new FieldError(field, code, ProblemTexts.render(text, language), row, text);
        }
    }
}
