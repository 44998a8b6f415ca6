package org.ownersvote.platform.idempotency;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Documents the Idempotency-Key header once, as the reusable parameter {@code #/components/parameters/IdempotencyKey},
 * and names it on every POST and PUT of the public API ({@code /api/...}). An operation that does not take a key
 * says so with the extension {@code x-idempotency-key} (its value the reason), set with
 * {@code @Extension(name = "x-idempotency-key", value = "...")} next to the method, which has no {@link Idempotent}.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class IdempotencyKeyDocumentation implements OASFilter {

    static final String PARAMETER = "IdempotencyKey";
    /** The extension of an operation that takes no key. */
    public static final String NOT_TAKEN = "x-idempotency-key";

    /** Whether the operation takes an Idempotency-Key: a POST or PUT of the public API not marked NOT_TAKEN. */
    public static boolean takesKey(String path, PathItem.HttpMethod method, Operation operation) {
        return path.startsWith("/api/") && (method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT)
                && (operation.getExtensions() == null || !operation.getExtensions().containsKey(NOT_TAKEN));
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        boolean used = false;
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> operation : path.getValue().getOperations().entrySet()) {
                if (takesKey(path.getKey(), operation.getKey(), operation.getValue())) {
                    operation.getValue().addParameter(OASFactory.createParameter().ref(PARAMETER));
                    used = true;
                } else if (operation.getValue().getResponses() != null) {
                    // SmallRye also puts a method's @Extension on the responses its @APIResponse declare: it is the
                    // operation's alone
                    operation.getValue().getResponses().removeExtension(NOT_TAKEN);
                    operation.getValue().getResponses().getAPIResponses().values()
                            .forEach(response -> response.removeExtension(NOT_TAKEN));
                }
            }
        }
        if (!used) {
            return;
        }
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createObject(Components.class));
        }
        openAPI.getComponents().addParameter(PARAMETER, OASFactory.createParameter()
                .name(Idempotent.HEADER).in(Parameter.In.HEADER).required(false)
                .description("1 to 100 printable ASCII characters, new for each action (a UUID). The same key from the"
                        + " same caller with the same method, path and body within 24 hours is answered with the first"
                        + " answer again (header Idempotent-Replayed: true) and changes nothing more; the same key with"
                        + " another method, path or body is refused (422, idempotency-key-reused); while the first"
                        + " request with the key runs, the second waits for it, at most 30 s (then 409,"
                        + " idempotency-key-in-use). Only successful answers are kept: after a refusal the corrected"
                        + " request may use the same key.")
                .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))
                        .minLength(1).maxLength(IdempotencyKeyFilter.MAX_LENGTH).pattern("^[\\x20-\\x7E]+$")));
    }
}
