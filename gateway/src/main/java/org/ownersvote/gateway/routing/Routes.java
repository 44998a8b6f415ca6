package org.ownersvote.gateway.routing;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The routing table of the public API (README's API table): which service owns which path. First match wins, so the
 * more specific paths (notices under a community, ballots under an election) come before their parents.
 */
public final class Routes {

    private record Route(Pattern path, Upstream upstream) {
    }

    private static final String ID = "[^/]+";

    private static final List<Route> TABLE = List.of(
            route("/api/(auth|admin|staff|docs)(/.*)?", Upstream.GATEWAY),
            route("/api/elections/" + ID + "/staff(/.*)?", Upstream.GATEWAY),
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

    private static final Pattern ROSTER = Pattern.compile("/api/communities/" + ID + "/roster");
    private static final Pattern RECIPIENTS = Pattern.compile("/api/elections/" + ID + "/messages/recipients");

    /**
     * The largest request body an endpoint takes: a roster file (100,000 units and more) 20 MB, an election's list
     * of message recipients 4 MB, anything else 1 MB; more is refused at the gateway with 413.
     */
    public static long maxBodyBytes(String path) {
        if (ROSTER.matcher(path).matches()) {
            return 20L * 1024 * 1024;
        }
        if (RECIPIENTS.matcher(path).matches()) {
            return 4L * 1024 * 1024;
        }
        return 1024L * 1024;
    }

    private static Route route(String regex, Upstream upstream) {
        return new Route(Pattern.compile(regex), upstream);
    }
}
