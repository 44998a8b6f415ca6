package org.ownersvote.ballot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.ownersvote.ballot.rest.BallotPrintResource;
import org.ownersvote.ballot.rest.BallotResource;
import org.ownersvote.ballot.rest.CountingResource;
import org.ownersvote.ballot.rest.InternalOwnerResource;
import org.ownersvote.ballot.rest.LedgerResource;
import org.ownersvote.ballot.rest.OwnerBallotResource;
import org.ownersvote.ballot.rest.TallyResource;
import org.ownersvote.platform.security.Roles;
import org.ownersvote.platform.testing.AuthorizationMatrix;
import org.ownersvote.platform.testing.AuthorizationMatrix.Body;
import org.ownersvote.platform.testing.DatabaseFingerprint;
import org.ownersvote.platform.testing.TestTokens;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Every endpoint of ballot-service, every role, and a foreign scope (another community and election; and, for
 * building leaders and owners, another building or ballot of the same election): 401, 403 or 404, nothing changed.
 * Admins are left out of the foreign rows (their scope is the platform); /internal/owner-credentials is left out
 * (only the gateway's service token reaches it, and OwnerBallotTest covers its refusals).
 */
@QuarkusTest
class AuthorizationMatrixTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String database;

    @Test
    void nobodyReachesAnotherScopesBallotsAndNothingChanges() {
        VotingFixture v = VotingFixture.open(bootstrap);
        String serial = v.firstBallot("1号楼");

        List<String> elsewhere = matrix(v, serial)
                .foreignScope()
                .run(() -> DatabaseFingerprint.of(database));
        assertEquals(List.of(), elsewhere);

        // the same election, but another building's leader and another ballot's owner
        List<String> nextDoor = matrix(v, serial)
                .only(e -> e.path().contains("{serial}"))
                .foreignTokens(Set.of(Roles.BUILDING_LEADER, Roles.OWNER), role -> TestTokens.as("neighbour-" + role,
                        role).community(v.community()).election(v.election()).buildings("2号楼")
                        .ballot(v.firstBallot("2号楼")).token())
                .run(() -> DatabaseFingerprint.of(database));
        assertEquals(List.of(), nextDoor);
    }

    private static AuthorizationMatrix matrix(VotingFixture v, String serial) {
        return AuthorizationMatrix.of(BallotResource.class, BallotPrintResource.class, CountingResource.class,
                InternalOwnerResource.class, LedgerResource.class, OwnerBallotResource.class, TallyResource.class)
                .skip("POST /internal/owner-credentials")
                .path("eid", v.election()).path("serial", serial)
                .query("POST /api/elections/{eid}/ballots/print", "building=1号楼")
                .query("GET /api/elections/{eid}/ballots", "building=1号楼")
                .query("GET /api/elections/{eid}/ballots/worklist", "building=1号楼")
                .body("POST /api/ballots/{serial}/handout", Body.json(
                        "{\"recipientName\":\"张三\",\"relation\":\"OWNER\",\"method\":\"IN_PERSON\"}"))
                .body("POST /api/ballots/{serial}/undeliverable", Body.json("{\"reason\":\"VACANT\"}"))
                .body("POST /api/ballots/{serial}/return", Body.json("{\"channel\":\"BALLOT_BOX\"}"))
                .body("POST /api/ballots/{serial}/void", Body.json("{\"reason\":\"污损\"}"))
                .body("POST /api/ballots/{serial}/cast", Body.json(
                        "{\"verificationCode\":\"ABCDEFGH\",\"marks\":{},\"motions\":{}}"))
                .body("POST /api/elections/{eid}/counting/entries", Body.json(
                        "{\"serial\":\"" + serial + "\",\"signature\":\"OWNER\",\"marks\":{},\"motions\":{}}"))
                .body("POST /api/elections/{eid}/counting/conflicts/{serial}/resolve", Body.json(
                        "{\"signature\":\"OWNER\",\"marks\":{},\"motions\":{},\"note\":\"核对原件\"}"))
                .body("POST /api/elections/{eid}/tally/lots", Body.json(
                        "{\"candidateIdsInDrawnOrder\":[\"a\",\"b\"],\"witnesses\":[\"王\"]}"))
                .body("POST /api/elections/{eid}/tally/signoffs", Body.json(
                        "{\"attestation\":\"" + "ab".repeat(32) + "\"}"))
                .body("POST /api/elections/{eid}/tally/finalize", Body.json("{}"))
                .body("POST /api/elections/{eid}/ballots/print", Body.NONE);
    }
}
