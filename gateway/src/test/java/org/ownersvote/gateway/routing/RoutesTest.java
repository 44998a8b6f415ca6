package org.ownersvote.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RoutesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "/api/auth/login, GATEWAY",
            "/api/admin/users, GATEWAY",
            "/api/communities, ELECTION_SERVICE",
            "/api/communities/c1, ELECTION_SERVICE",
            "/api/communities/c1/roster, ELECTION_SERVICE",
            "/api/communities/c1/electorate, ELECTION_SERVICE",
            "/api/communities/c1/notices, NOTIFICATION_SERVICE",
            "/api/elections, ELECTION_SERVICE",
            "/api/elections/e1, ELECTION_SERVICE",
            "/api/elections/e1/transitions, ELECTION_SERVICE",
            "/api/elections/e1/candidates/k1/review, ELECTION_SERVICE",
            "/api/elections/e1/objections/o1/answer, ELECTION_SERVICE",
            "/api/elections/e1/ballots, BALLOT_SERVICE",
            "/api/elections/e1/ballots/progress, BALLOT_SERVICE",
            "/api/elections/e1/counting/entries, BALLOT_SERVICE",
            "/api/elections/e1/counting/conflicts/S1/resolve, BALLOT_SERVICE",
            "/api/elections/e1/tally, BALLOT_SERVICE",
            "/api/elections/e1/tally/finalize, BALLOT_SERVICE",
            "/api/elections/e1/ledger, BALLOT_SERVICE",
            "/api/ballots/S1/handout, BALLOT_SERVICE",
            "/api/elections/e1/messages, NOTIFICATION_SERVICE",
    })
    void everyPublicResourceGoesToTheServiceThatOwnsIt(String path, Upstream expected) {
        assertEquals(Optional.of(expected), Routes.upstreamFor(path));
    }

    @ParameterizedTest
    @CsvSource({ "/api/unknown", "/api", "/api/communitiesx", "/api/ballotsx/1" })
    void pathsNoServiceOwnsAreNotRouted(String path) {
        assertEquals(Optional.empty(), Routes.upstreamFor(path));
    }
}
