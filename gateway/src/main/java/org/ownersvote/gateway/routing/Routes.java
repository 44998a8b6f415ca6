package org.ownersvote.gateway.routing;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The routing table of ARCHITECTURE.md's public API: which service owns which path. First match wins, so the
 * more specific paths (notices under a community, ballots under an election) come before their parents.
 */
public final class Routes {

    private record Route(Pattern path, Upstream upstream) {
    }

    private static final String ID = "[^/]+";

    private static final List<Route> TABLE = List.of(
            route("/api/(auth|admin)(/.*)?", Upstream.GATEWAY),
            route("/api/communities/" + ID + "/notices(/.*)?", Upstream.NOTIFICATION_SERVICE),
            route("/api/elections/" + ID + "/messages(/.*)?", Upstream.NOTIFICATION_SERVICE),
            route("/api/elections/" + ID + "/(ballots|counting|tally|ledger)(/.*)?", Upstream.BALLOT_SERVICE),
            route("/api/ballots(/.*)?", Upstream.BALLOT_SERVICE),
            route("/api/(communities|elections)(/.*)?", Upstream.ELECTION_SERVICE));

    private Routes() {
    }

    /** The owner of a normalised path; empty for paths no service owns. */
    public static Optional<Upstream> upstreamFor(String path) {
        return TABLE.stream().filter(r -> r.path.matcher(path).matches()).map(Route::upstream).findFirst();
    }

    private static Route route(String regex, Upstream upstream) {
        return new Route(Pattern.compile(regex), upstream);
    }
}
