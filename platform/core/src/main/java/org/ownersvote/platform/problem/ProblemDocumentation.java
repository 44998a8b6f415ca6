package org.ownersvote.platform.problem;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.ownersvote.platform.idempotency.IdempotencyKeyDocumentation;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Documents the problem details (RFC 9457, {@link Problem}) an operation can answer, as
 * {@code application/problem+json} with the schema {@code #/components/schemas/Problem} and an example each. The
 * common ones follow from what the operation has, as {@link ProblemMappers} and the platform's filters answer them: 401
 * and 403 when it needs a token, 400 and 422 when it reads a body or query parameters, 413 for a body, 404 for a path
 * with parameters, 400, 409 and 422 for an Idempotency-Key, 503 for every API call (a database or service away, with
 * Retry-After). A resource declares the ones of its own with
 * {@code @APIResponse(responseCode = "409", description = "... (slug)")}: this filter adds the common causes to its
 * description, gives every 4xx and 5xx response the problem content, its example of the first slug named.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ProblemDocumentation implements OASFilter {

    static final String SCHEMA = "Problem";
    static final String FIELD_ERROR_SCHEMA = "ProblemFieldError";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        boolean used = false;
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> operation : path.getValue().getOperations().entrySet()) {
                used |= document(path.getKey(), operation.getKey(), operation.getValue());
            }
        }
        if (used) {
            if (openAPI.getComponents() == null) {
                openAPI.setComponents(OASFactory.createObject(Components.class));
            }
            openAPI.getComponents().addSchema(SCHEMA, problemSchema());
            openAPI.getComponents().addSchema(FIELD_ERROR_SCHEMA, fieldErrorSchema());
        }
    }

    private static boolean document(String path, PathItem.HttpMethod method, Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        boolean secured = operation.getSecurity() != null && operation.getSecurity().stream()
                .anyMatch(requirement -> requirement.getSchemes() != null && !requirement.getSchemes().isEmpty());
        boolean body = operation.getRequestBody() != null;
        boolean query = operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> p.getIn() == Parameter.In.QUERY);
        boolean api = path.startsWith("/api/");
        boolean key = IdempotencyKeyDocumentation.takesKey(path, method, operation);
        add(responses, "400", causes(
                body ? "the body cannot be read: malformed JSON (malformed-json), a field this operation does not know"
                        + " (unknown-field) or a value of the wrong type (invalid-field)" : null,
                query ? "a query parameter does not convert (invalid-parameter)" : null,
                key ? "the Idempotency-Key is not 1 to 100 printable characters (idempotency-key-invalid)" : null));
        if (secured) {
            add(responses, "401", "No valid bearer token: missing, expired, revoked or not issued for this service"
                    + " (unauthenticated; WWW-Authenticate: Bearer)");
            add(responses, "403", "The token's role, community, election or building does not cover this (forbidden)");
        }
        if (path.contains("{")) {
            add(responses, "404", "Nothing exists at this path: the community, election, ballot or other item named"
                    + " in it (not-found)");
        }
        if (key) {
            add(responses, "409", "A request with the same Idempotency-Key is still being processed"
                    + " (idempotency-key-in-use)");
        }
        if (body) {
            add(responses, "413", "The body is larger than this operation accepts (body-too-large)");
        }
        add(responses, "422", causes(
                body || query ? "a value breaks a rule: errors[] names each field with a code and a message"
                        + " (invalid-request)" : null,
                key ? "the Idempotency-Key was used for another request (idempotency-key-reused)" : null));
        if (api) {
            add(responses, "503", "A database or a service behind is not reachable just now (database-unavailable,"
                    + " service-unavailable): send the request again after Retry-After seconds");
        }
        boolean used = false;
        for (Map.Entry<String, APIResponse> response : responses.getAPIResponses().entrySet()) {
            int status = status(response.getKey());
            if (status >= 400 && response.getValue().getRef() == null
                    && (response.getValue().getContent() == null
                            || response.getValue().getContent().getMediaTypes() == null
                            || response.getValue().getContent().getMediaTypes().isEmpty())) {
                response.getValue().setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(SCHEMA))
                                .example(example(status, path, response.getValue().getDescription()))));
                used = true;
            }
        }
        return used;
    }

    /**
     * Adds the response, or the common cause to the one the resource declared for the status (its own causes first). A
     * description Quarkus generated (its "Bad Request", "Not Authorized", "Not Allowed") is replaced, or removed when
     * no cause applies (description null).
     */
    private static void add(APIResponses responses, String status, String description) {
        APIResponse existing = responses.getAPIResponse(status);
        if (description == null) {
            // none of the causes applies: a 400 Quarkus guessed from a path parameter is a 404 here (ProblemMappers)
            if (existing != null && GENERATED.contains(existing.getDescription())) {
                responses.removeAPIResponse(status);
            }
            return;
        }
        if (existing == null || existing.getDescription() == null || GENERATED.contains(existing.getDescription())) {
            // a new object: Quarkus gives every operation the same instance of its generated ones
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description));
        } else if (!existing.getDescription().contains(description)) {
            existing.setDescription(existing.getDescription() + ". Also: " + description);
        }
    }

    /** The causes that apply, as one sentence; null when none does. */
    private static String causes(String... causes) {
        String joined = Arrays.stream(causes).filter(Objects::nonNull)
                .collect(Collectors.joining("; "));
        return joined.isEmpty() ? null : Character.toUpperCase(joined.charAt(0)) + joined.substring(1);
    }

    private static final Pattern SLUG = Pattern.compile("\\(([a-z]+(?:-[a-z]+)+)");

    private static final List<String> GENERATED = List.of("Bad Request", "Not Authorized", "Not Allowed");

    private static int status(String code) {
        try {
            return Integer.parseInt(code);
        } catch (NumberFormatException e) {
            return 0; // "default"
        }
    }

    /**
     * A problem detail as the operation would answer it, in English (the caller's Accept-Language decides): of the
     * first problem type its description names, "(slug)", else of the status's usual one.
     */
    static Map<String, Object> example(int status, String path, String description) {
        Matcher named = description == null ? null : SLUG.matcher(description);
        String[] kind = switch (status) {
            case 400 -> new String[] { "malformed-json", "Bad request", "The request cannot be read" };
            case 401 -> new String[] { "unauthenticated", "Unauthenticated",
                    "A valid bearer token is required (it may be missing, expired or not issued for this service)" };
            case 403 -> new String[] { "forbidden", "Forbidden", "Your role does not allow this action" };
            case 404 -> new String[] { "not-found", "Not found",
                    "Election 5f0c6f7e-8d2a-4b1e-9a57-0c3d2b1a4e6f does not exist" };
            case 409 -> new String[] { "idempotency-key-in-use", "Conflict",
                    "The request conflicts with the current state; nothing was changed" };
            case 413 -> new String[] { "body-too-large", "Request body too large", "The request body is too large" };
            case 415 -> new String[] { "unsupported-media-type", "Unsupported media type",
                    "The body's media type is not accepted here" };
            case 422 -> new String[] { "invalid-request", "Invalid request",
                    "reason: is required and must not be blank" };
            case 429 -> new String[] { "too-many-logins", "Too many requests", "Too many attempts: try again later" };
            case 503 -> new String[] { "database-unavailable", "Service unavailable",
                    "The service could not reach its database just now. Send the request again shortly" };
            default -> new String[] { "internal-error", "Internal error", "Something went wrong on our side" };
        };
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", Problem.TYPE_PREFIX + (named != null && named.find() ? named.group(1) : kind[0]));
        example.put("title", kind[1]);
        example.put("status", status);
        example.put("detail", kind[2]);
        example.put("instance", path);
        example.put("requestId", "3b1f9c2e-6a4d-4f0b-8c7e-2d5a9e1b0f44");
        if (status == 422) {
            example.put("errors", List.of(Map.of("field", "reason", "code", "constraint.NotBlank",
                    "message", "is required and must not be blank")));
        }
        return example;
    }

    /** {@link Problem} as it is written: empty members are left out, only type, title and status are always there. */
    private static Schema problemSchema() {
        return object().description("An RFC 9457 problem detail: the body of every error answer.")
                .addProperty("type", string("A URN naming the kind of problem, stable for programs to switch on"
                        + " (urn:ownersvote:problem:<slug>)").format("uri"))
                .addProperty("title", string("The kind of problem in the caller's language (Accept-Language)"))
                .addProperty("status", OASFactory.createSchema().type(List.of(SchemaType.INTEGER)).format("int32")
                        .description("The HTTP status"))
                .addProperty("detail", string("What went wrong in this request, in the caller's language"))
                .addProperty("instance", string("The path of the request"))
                .addProperty("requestId", string("The request's X-Request-Id, to quote when asking for help"))
                .addProperty("errors", OASFactory.createSchema().type(List.of(SchemaType.ARRAY))
                        .description("Each invalid field (or row of an upload)")
                        .items(OASFactory.createSchema().ref(FIELD_ERROR_SCHEMA)))
                .required(List.of("type", "title", "status"));
    }

    private static Schema fieldErrorSchema() {
        return object().description("One invalid input of a problem detail.")
                .addProperty("field", string("The field's path, e.g. marks[2].choice"))
                .addProperty("code", string("A stable code to switch on (the message key); absent for an uncoded"
                        + " message"))
                .addProperty("message", string("What is wrong, in the caller's language"))
                .addProperty("row", OASFactory.createSchema().type(List.of(SchemaType.INTEGER)).format("int32")
                        .description("For uploads: the row (1 = the first data row)"))
                .required(List.of("field", "message"));
    }

    private static Schema object() {
        return OASFactory.createSchema().type(List.of(SchemaType.OBJECT));
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().type(List.of(SchemaType.STRING)).description(description);
    }
}
