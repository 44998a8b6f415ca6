package org.ownersvote.platform.problem;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An error the caller caused (or may retry), answered as a problem detail. Thrown from services and resources;
 * the transaction it escapes from rolls back, so the request changes nothing.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final List<Problem.FieldError> errors;
    /** The detail as a message key and its values, rendered in the caller's language. */
    private final Text text;
    /** For 429 and 503: when the caller may try again (sent as Retry-After, in seconds). */
    private Duration retryAfter;

    /**
     * A problem whose detail is a message key with its values (see {@link ProblemTexts}); its title is the bundle's
     * "title.&lt;slug&gt;", or the status's general title.
     */
    public ProblemException(int status, String slug, Text detail, List<Problem.FieldError> errors) {
        super(detail.english());
        this.status = status;
        this.slug = slug;
        this.errors = List.copyOf(errors);
        this.text = detail;
    }

    public static ProblemException notFound(Text what, Object id) {
        return new ProblemException(404, "not-found", Text.of("problem.not-found", what, id), List.of());
    }

    public static ProblemException forbidden(Text detail) {
        return new ProblemException(403, "forbidden", detail, List.of());
    }

    public static ProblemException conflict(String slug, Text detail) {
        return new ProblemException(409, slug, detail, List.of());
    }

    public static ProblemException invalid(Text detail, List<Problem.FieldError> errors) {
        return new ProblemException(422, "invalid-request", detail, errors);
    }

    /**
     * One field is wrong, said in a sentence that is the detail as well as the field's message: the field's path is a
     * name for programs ({@code errors[].field}) and stays out of the words a person reads.
     */
    public static ProblemException invalid(String field, Text message) {
        return invalid(message, List.of(Problem.FieldError.of(field, message)));
    }

    public static ProblemException tooManyRequests(String slug, Text detail, Duration retryAfter) {
        ProblemException e = new ProblemException(429, slug, detail, List.of());
        e.retryAfter = retryAfter;
        return e;
    }

    public static ProblemException pending(String slug, Text detail, Duration retryAfter) {
        ProblemException e = new ProblemException(503, slug, detail, List.of());
        e.retryAfter = retryAfter;
        return e;
    }

    public static ProblemException unauthorized(String slug, Text detail) {
        return new ProblemException(401, slug, detail, List.of());
    }

    /** The detail in a language, from the bundles (see {@link ProblemTexts}). */
    public String detail(Locale language) {
        return ProblemTexts.render(text, language);
    }

    /** The title in a language: "title.&lt;slug&gt;" from the bundles, else the status's ("status.&lt;code&gt;"). */
    public String title(Locale language) {
        return ProblemTexts.title(status, slug, language);
    }

    /** The message key of the detail and its values. */
    public Text text() {
        return text;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
