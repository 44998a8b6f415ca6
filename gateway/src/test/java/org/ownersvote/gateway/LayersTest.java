package org.ownersvote.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ownersvote.platform.testing.LayerCheck;

/** gateway keeps to its layers: resources check scope and speak REST, services speak the domain. */
class LayersTest {

    @Test
    void servicesSpeakTheDomainAndResourcesNeitherQueryNorLeaveScopeToServices() throws Exception {
        assertEquals(List.of(), LayerCheck.layerProblems(Path.of("")));
    }
}
