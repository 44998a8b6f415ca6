package org.ownersvote.ballot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ownersvote.platform.testing.LayerCheck;

/**
 * ballot-service keeps to its layers: resources check scope and speak REST, services speak the domain, and each
 * aggregate's SQL is in its repository.
 */
class LayersTest {

    /** Files that may still hold SQL outside a repository, and why. */
    private static final Map<String, String> SQL_ALLOWED = Map.of(
            "src/main/java/org/ownersvote/ballot/Ballot.java", "live(): IntegrityTest counts live ballots with it",
            "src/main/java/org/ownersvote/ballot/ElectorateVersion.java",
            "the electorate's assembly is moving to a shared assembler (issue 22)",
            "src/main/java/org/ownersvote/ballot/service/ElectorateStore.java",
            "the electorate's assembly is moving to a shared assembler (issue 22)",
            "src/main/java/org/ownersvote/ballot/service/BallotIssuance.java",
            "issued with the electorate's assembly, which is moving to a shared assembler (issue 22)");

    @Test
    void servicesSpeakTheDomainAndResourcesNeitherQueryNorLeaveScopeToServices() throws Exception {
        assertEquals(List.of(), LayerCheck.layerProblems(Path.of("")));
    }

    @Test
    void eachAggregatesSqlIsInItsRepository() throws Exception {
        assertEquals(List.of(), LayerCheck.sqlOutsideRepositories(Path.of(""), SQL_ALLOWED));
    }
}
