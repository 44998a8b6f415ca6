package org.ownersvote.platform.security;

import java.util.ArrayList;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Says of every operation that needs no token that it is public: {@code security: []}, an empty list of requirements,
 * rather than nothing, which a reader cannot tell from an operation someone forgot to document. The operations that
 * need a token get their requirement (the bearer scheme) from Quarkus, by their {@code @RolesAllowed}.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class PublicOperationDocumentation implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> operation : path.getOperations().entrySet()) {
                if (operation.getValue().getSecurity() == null) {
                    operation.getValue().setSecurity(new ArrayList<>());
                }
            }
        }
    }
}
