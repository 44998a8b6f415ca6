package org.ownersvote.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ownersvote.platform.testing.LayerCheck;

/**
 * gateway keeps to its layers: resources check scope and speak REST, services speak the domain, and
 * each aggregate's SQL is in its repository.
 */
class LayersTest {

    @Test
    void servicesSpeakTheDomainAndResourcesNeitherQueryNorLeaveScopeToServices() throws Exception {
        assertEquals(List.of(), LayerCheck.layerProblems(Path.of("")));
    }

    @Test
    void eachAggregatesSqlIsInItsRepository() throws Exception {
        assertEquals(List.of(), LayerCheck.sqlOutsideRepositories(Path.of(""), Map.of()));
    }
}
