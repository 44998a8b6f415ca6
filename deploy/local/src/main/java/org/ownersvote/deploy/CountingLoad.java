package org.ownersvote.deploy;

import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Load for the counting benchmark: two counters entering the same paper ballots, as double entry requires (the
 * second entry of a ballot follows its first). The election is in COUNTING with its ballots collected. The ballots
 * are split in two: one half entered through the gateway, the other directly against ballot-service, with the same
 * number of entries in flight.
 * <br>{@code CountingLoad GATEWAY_URL BALLOT_SERVICE_URL ELECTION_ID LEADERS_FILE COUNTERS_FILE MARKS_JSON CONCURRENCY
 * [HOLD_BACK]} (LEADERS_FILE to list the collected ballots; COUNTERS_FILE: two "token TAB username" lines,
 * the password lib.sh gives them, for signing in again every 5 minutes;
 * HOLD_BACK ballots, 0 unless given, are left unentered and printed as "HELD serial" lines, for the tally benchmark
 * to count one at a time).
 */
public final class CountingLoad {

    /** An entry of a ballot by one counter, named by username: the token is looked up when it is sent. */
    record Entry(String counter, String serial, boolean first) {
    }

    private final BenchApi api = new BenchApi();
    /** counter's username → current access token, renewed every 5 minutes (a large election outlasts a token) */
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    public static void main(String[] args) throws Exception {
        new CountingLoad().run(args[0], args[1], args[2], BenchApi.accounts(args[3]), BenchApi.accounts(args[4]),
                args[5], Integer.parseInt(args[6]), args.length > 7 ? Integer.parseInt(args[7]) : 0);
    }

    void run(String gateway, String ballotService, String election, List<String[]> leaders, List<String[]> counters,
            String marks, int concurrency, int holdBack) throws Exception {
        List<String> serials = new ArrayList<>();
        for (String[] leader : leaders) {
            serials.addAll(api.serials(gateway, election, leader[0], leader[1], "RETURNED"));
        }
        serials.sort((a, b) -> Integer.compare(a.hashCode(), b.hashCode()));
        List<String> held = new ArrayList<>(serials.subList(serials.size() - holdBack, serials.size()));
        serials = serials.subList(0, serials.size() - holdBack);
        held.forEach(serial -> System.out.println("HELD " + serial));
        List<String> viaGateway = new ArrayList<>();
        List<String> direct = new ArrayList<>();
        for (int i = 0; i < serials.size(); i++) {
            (i % 2 == 0 ? viaGateway : direct).add(serials.get(i));
        }
        int warmup = Math.min(250, viaGateway.size() / 10);
        counters.forEach(c -> tokens.put(c[1], c[0]));
        String first = counters.get(0)[1];
        String second = counters.get(1)[1];
        ScheduledExecutorService signIns = Executors.newSingleThreadScheduledExecutor();
        signIns.scheduleWithFixedDelay(() -> api.signInAgain(gateway, tokens), 5, 5, TimeUnit.MINUTES);
        LoadRun throughGateway;
        LoadRun againstService;
        try {
            run("warm-up (gateway, not counted)", gateway, election, viaGateway.subList(0, warmup), first, second,
                    marks, concurrency);
            run("warm-up (direct, not counted)", ballotService, election, direct.subList(0, warmup), first, second,
                    marks, concurrency);
            throughGateway = run("through the gateway", gateway, election,
                    viaGateway.subList(warmup, viaGateway.size()), first, second, marks, concurrency);
            againstService = run("directly against ballot-service", ballotService, election,
                    direct.subList(warmup, direct.size()), first, second, marks, concurrency);
        } finally {
            signIns.shutdownNow(); // its thread would otherwise keep the JVM alive after a failure
        }
        throughGateway.print("entries");
        againstService.print("entries");
        System.out.printf("RESULT gateway_per_s=%.1f gateway_p99_ms=%.1f direct_per_s=%.1f direct_p99_ms=%.1f%n",
                throughGateway.perSecond(), throughGateway.percentileMillis(99), againstService.perSecond(),
                againstService.percentileMillis(99));
        if (throughGateway.errors() + againstService.errors() > 0) {
            System.exit(1);
        }
    }

    private LoadRun run(String name, String base, String election, List<String> serials, String first, String second,
            String marks, int concurrency) throws InterruptedException {
        Deque<Entry> queue = new ConcurrentLinkedDeque<>();
        serials.forEach(s -> queue.add(new Entry(first, s, true)));
        String url = base + "/api/elections/" + election + "/counting/entries";
        LoadRun run = Loops.closed(name, concurrency, queue, serials.size() * 2,
                e -> api.post(url, tokens.get(e.counter()), UUID.randomUUID().toString(),
                        "{\"serial\":\"" + e.serial() + "\",\"signature\":\"OWNER\","
                                + "\"marks\":" + marks + "}"),
                (e, status) -> {
                    if (e.first() && status == 200) {
                        queue.addFirst(new Entry(second, e.serial(), false));
                    }
                });
        if (name.startsWith("warm-up")) {
            System.out.printf("%s: %d entries in %.1f s%n", name, run.requests(), run.seconds());
        }
        return run;
    }
}
