package org.ownersvote.election;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.ownersvote.election.rest.CandidateResource;
import org.ownersvote.election.rest.CommunityResource;
import org.ownersvote.election.rest.ElectionResource;
import org.ownersvote.election.rest.RosterResource;
import org.ownersvote.platform.testing.AuthorizationMatrix;
import org.ownersvote.platform.testing.AuthorizationMatrix.Body;
import org.ownersvote.platform.testing.DatabaseFingerprint;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Every endpoint of election-service that takes an id, every role, and another community's and election's scope:
 * 401, 403 or 404, and nothing changed. Admins are left out of the foreign row: their scope is the platform.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String database;

    @Test
    void nobodyReachesAnotherCommunitysElectionAndNothingChanges() {
        UUID community = Api.createCommunity("矩阵小区");
        UUID election = Api.createElection(community);
        String unit = "{\"building\":\"1号楼\",\"unit\":\"101\"}";
        List<String> failures = AuthorizationMatrix.of(CommunityResource.class, ElectionResource.class,
                CandidateResource.class, RosterResource.class)
                .only(e -> e.path().contains("{"))
                .path("cid", community).path("eid", election).path("id", UUID.randomUUID())
                .path("oid", UUID.randomUUID()).path("code", "ZZZZZZ")
                .body("POST /api/elections/{eid}/voting-deadline", Body.json(
                        "{\"days\":3,\"reason\":\"春节\"}"))
                .body("POST /api/elections/{eid}/transitions", Body.json("{\"to\":\"NOMINATION\"}"))
                .body("POST /api/elections/{eid}/nominations", Body.json("{\"unit\":" + unit + ",\"name\":\"丁一\","
                        + "\"nominators\":[" + unit + "],\"commitmentReceived\":true}"))
                .body("POST /api/elections/{eid}/candidates/{id}/review", Body.json("{\"decision\":\"APPROVED\"}"))
                .body("POST /api/elections/{eid}/objections", Body.json("{\"objectingUnit\":" + unit
                        + ",\"text\":\"异议\"}"))
                .body("POST /api/elections/{eid}/objections/{oid}/answer", Body.json("{\"answer\":\"答复\"}"))
                .body("PUT /api/communities/{cid}/roster", new Body("text/csv",
                        RosterResourceTest.sample().getBytes(StandardCharsets.UTF_8)))
                .body("POST /api/communities/{cid}/roster/amendments", Body.json("{\"building\":\"1号楼\","
                        + "\"unit\":\"101\",\"change\":\"REMOVE\",\"reason\":\"错录\"}"))
                .foreignScope()
                .run(() -> DatabaseFingerprint.of(database));
        assertEquals(List.of(), failures);
    }
}
