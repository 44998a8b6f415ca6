package org.ownersvote.deploy;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The soak's traffic: a fixed arrival rate of mixed requests through the gateway for a number of minutes, as a
 * community's working day looks: building leaders handing out and collecting ballots (election A, in VOTING), two
 * counters entering the same ballots (election B, in COUNTING), people reading progress, lists and notices, and
 * people signing in. Open loop: each request has an intended send time on the schedule and its latency is measured
 * from that time, so a stalled server shows as latency instead of as a slower schedule.
 *
 * <p>Usage: SoakLoad prepare GATEWAY ELECTION LEADERS_FILE — hands out and collects every ballot of ELECTION (the
 * counting election, before it is moved to COUNTING).
 * <br>SoakLoad run GATEWAY ELECTION_A LEADERS_A COMMUNITY_A ELECTION_B LEADERS_B COUNTERS_FILE MARKS_JSON MINUTES
 * RATE OUT_TSV — prints one line a minute and a summary; exit code 1 when any request failed.
 * <br>LEADERS files: "building TAB token TAB username" lines; COUNTERS_FILE: "token TAB username" lines (two).
 * Access tokens last 15 minutes: every account signs in again every 5 minutes, as the web client refreshes.
 */
public final class SoakLoad {

    enum Kind { HANDOUT, RETURN, ENTRY, READ, LOGIN }

    /** The mix, one slot per tenth of the arrivals: 3 handouts, 1 return, 2 entries, 3 reads, 1 sign-in. */
    private static final List<Kind> MIX = List.of(Kind.HANDOUT, Kind.READ, Kind.ENTRY, Kind.HANDOUT, Kind.READ,
            Kind.RETURN, Kind.HANDOUT, Kind.ENTRY, Kind.READ, Kind.LOGIN);

    private static final String HANDOUT = BenchApi.HANDOUT;

    private final BenchApi api = new BenchApi();
    private final String gateway;
    /** username → current access token */
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    private SoakLoad(String gateway) {
        this.gateway = gateway;
    }

    public static void main(String[] args) throws Exception {
        SoakLoad load = new SoakLoad(args[1]);
        if (args[0].equals("prepare")) {
            load.prepare(args[2], BenchApi.accounts(args[3]));
        } else {
            load.run(args);
        }
    }

    /**
     * Every ballot of the election handed out and collected, 16 at a time; the leaders sign in again every 5
     * minutes, since a large election takes longer than a token lasts.
     */
    private void prepare(String election, List<String[]> leaders) throws Exception {
        ConcurrentLinkedQueue<String[]> work = new ConcurrentLinkedQueue<>();
        var signIns = Executors.newSingleThreadScheduledExecutor();
        signIns.scheduleWithFixedDelay(() -> api.signInAgain(gateway, tokens), 5, 5, TimeUnit.MINUTES);
        for (String[] leader : leaders) {
            tokens.put(leader[2], leader[1]);
            for (String serial : issued(election, leader[0], leader[1])) {
                work.add(new String[] { leader[2], serial });
            }
        }
        int total = work.size();
        AtomicInteger failed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        for (int t = 0; t < 16; t++) {
            pool.submit(() -> {
                String[] job;
                while ((job = work.poll()) != null) {
                    if (post("/api/ballots/" + job[1] + "/handout", job[0], HANDOUT) != 200
                            || post("/api/ballots/" + job[1] + "/return", job[0],
                                    "{\"channel\":\"BALLOT_BOX\"}") != 200) {
                        failed.incrementAndGet();
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.HOURS);
        signIns.shutdownNow();
        System.out.printf("prepared: %d ballots handed out and collected, %d failed%n", total, failed.get());
        if (failed.get() > 0) {
            System.exit(1);
        }
    }

    private final Map<Kind, AtomicInteger> sent = new EnumMap<>(Kind.class);
    private final Map<Kind, AtomicInteger> errors = new EnumMap<>(Kind.class);
    private final Map<String, AtomicInteger> errorStatuses = new ConcurrentHashMap<>();
    private final List<Long> minuteMicros = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> allMicros = Collections.synchronizedList(new ArrayList<>());

    private void run(String[] args) throws Exception {
        String electionA = args[2];
        List<String[]> leadersA = BenchApi.accounts(args[3]);
        String communityA = args[4];
        String electionB = args[5];
        List<String[]> leadersB = BenchApi.accounts(args[6]);
        List<String[]> counters = BenchApi.accounts(args[7]);
        String marks = args[8];
        int minutes = Integer.parseInt(args[9]);
        double rate = Double.parseDouble(args[10]);
        Path out = Path.of(args[11]);
        for (Kind k : Kind.values()) {
            sent.put(k, new AtomicInteger());
            errors.put(k, new AtomicInteger());
        }
        leadersA.forEach(l -> tokens.put(l[2], l[1]));
        counters.forEach(c -> tokens.put(c[1], c[0]));
        var signIns = Executors.newSingleThreadScheduledExecutor();
        signIns.scheduleWithFixedDelay(() -> api.signInAgain(gateway, tokens), 5, 5, TimeUnit.MINUTES);

        // jobs name the account (username), whose token is looked up when the request is sent
        ConcurrentLinkedQueue<String[]> toHandOut = new ConcurrentLinkedQueue<>();
        List<String[]> shuffled = new ArrayList<>();
        for (String[] leader : leadersA) {
            for (String serial : issued(electionA, leader[0], leader[1])) {
                shuffled.add(new String[] { leader[2], serial });
            }
        }
        Collections.shuffle(shuffled, new Random(7));
        toHandOut.addAll(shuffled);
        ConcurrentLinkedQueue<String[]> toReturn = new ConcurrentLinkedQueue<>();
        // each counted ballot of B is entered by counter 1, then by counter 2
        ConcurrentLinkedQueue<String[]> toEnter = new ConcurrentLinkedQueue<>();
        for (String[] leader : leadersB) {
            for (String serial : api.serials(gateway, electionB, leader[0], leader[1], "RETURNED")) {
                toEnter.add(new String[] { counters.get(0)[1], serial });
            }
        }
        System.out.printf("soak: %d ballots to hand out in A, %d ballots to enter twice in B, %.1f requests/s for %d"
                + " min%n", toHandOut.size(), toEnter.size(), rate, minutes);
        ConcurrentLinkedQueue<String[]> secondEntries = new ConcurrentLinkedQueue<>();
        String[] readPaths = { "/api/elections/" + electionA + "/ballots/progress", "/api/elections/" + electionA,
                "/api/communities/" + communityA + "/notices" };
        AtomicInteger reads = new AtomicInteger();
        String reader = leadersA.get(0)[2];

        ExecutorService workers = Executors.newFixedThreadPool(64);
        long start = System.nanoTime();
        long interval = (long) (1e9 / rate);
        long end = start + TimeUnit.MINUTES.toNanos(minutes);
        long total = 0;
        int minute = 0;
        try (PrintWriter tsv = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
            tsv.println("minute\trequests\terrors\tp50_ms\tp99_ms\tmax_ms");
            System.out.println("minute  requests  errors   p50 ms   p99 ms   max ms");
            for (long i = 0;; i++) {
                long intended = start + i * interval;
                if (intended >= end) {
                    break;
                }
                int nowMinute = (int) ((intended - start) / 60_000_000_000L);
                if (nowMinute > minute) {
                    report(tsv, minute);
                    minute = nowMinute;
                }
                long wait = intended - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                Kind kind = MIX.get((int) (i % MIX.size()));
                workers.submit(() -> {
                    int status;
                    Kind done = kind;
                    try {
                        String[] job;
                        switch (kind) {
                            case HANDOUT -> {
                                job = toHandOut.poll();
                                if (job == null) {
                                    done = Kind.READ;
                                    status = get(readPaths[0], reader);
                                    break;
                                }
                                status = post("/api/ballots/" + job[1] + "/handout", job[0], HANDOUT);
                                if (status == 200) {
                                    toReturn.add(job);
                                }
                            }
                            case RETURN -> {
                                job = toReturn.poll();
                                if (job == null) {
                                    done = Kind.READ;
                                    status = get(readPaths[0], reader);
                                    break;
                                }
                                status = post("/api/ballots/" + job[1] + "/return", job[0],
                                        "{\"channel\":\"BALLOT_BOX\"}");
                            }
                            case ENTRY -> {
                                job = secondEntries.poll();
                                boolean second = job != null;
                                if (job == null) {
                                    job = toEnter.poll();
                                }
                                if (job == null) {
                                    done = Kind.READ;
                                    status = get(readPaths[0], reader);
                                    break;
                                }
                                status = post("/api/elections/" + electionB + "/counting/entries", job[0],
                                        "{\"serial\":\"" + job[1] + "\",\"signature\":\"OWNER\",\"marks\":" + marks
                                                + "}");
                                if (status == 200 && !second) {
                                    secondEntries.add(new String[] { counters.get(1)[1], job[1] });
                                }
                            }
                            case READ -> {
                                String[] leader = leadersA.get(reads.get() % leadersA.size());
                                status = get(readPaths[reads.getAndIncrement() % readPaths.length], leader[2]);
                            }
                            default -> {
                                String[] leader = leadersA.get(reads.get() % leadersA.size());
                                status = post("/api/auth/login", null, BenchApi.login(leader[2]));
                            }
                        }
                    } catch (Exception e) {
                        status = -1;
                    }
                    long micros = (System.nanoTime() - intended) / 1000;
                    minuteMicros.add(micros);
                    allMicros.add(micros);
                    sent.get(done).incrementAndGet();
                    if (status < 200 || status > 299) {
                        errors.get(done).incrementAndGet();
                        errorStatuses.computeIfAbsent(done + " " + status, k -> new AtomicInteger()).incrementAndGet();
                    }
                });
                total++;
            }
            workers.shutdown();
            workers.awaitTermination(2, TimeUnit.MINUTES);
            signIns.shutdownNow();
            report(tsv, minute);
        }
        long[] sorted = allMicros.stream().mapToLong(Long::longValue).sorted().toArray();
        int errorCount = errors.values().stream().mapToInt(AtomicInteger::get).sum();
        System.out.printf("%nSOAK %d requests in %d min at %.1f/s: %d errors%n", total, minutes, rate, errorCount);
        for (Kind k : Kind.values()) {
            System.out.printf("  %-8s %7d sent %5d errors%n", k, sent.get(k).get(), errors.get(k).get());
        }
        errorStatuses.forEach((k, v) -> System.out.printf("  error %s: %d%n", k, v.get()));
        System.out.printf(
                "  latency from the intended send time: p50 %.1f ms  p99 %.1f ms  p99.9 %.1f ms  max %.1f ms%n",
                pct(sorted, 50), pct(sorted, 99), pct(sorted, 99.9), pct(sorted, 100));
        if (errorCount > 0) {
            System.exit(1);
        }
    }

    private void report(PrintWriter tsv, int minute) {
        long[] sorted;
        synchronized (minuteMicros) {
            sorted = minuteMicros.stream().mapToLong(Long::longValue).sorted().toArray();
            minuteMicros.clear();
        }
        int errorCount = errors.values().stream().mapToInt(AtomicInteger::get).sum();
        System.out.printf("%6d  %8d  %6d  %7.1f  %7.1f  %7.1f%n", minute + 1, sorted.length, errorCount,
                pct(sorted, 50), pct(sorted, 99), pct(sorted, 100));
        tsv.printf("%d\t%d\t%d\t%.1f\t%.1f\t%.1f%n", minute + 1, sorted.length, errorCount, pct(sorted, 50),
                pct(sorted, 99), pct(sorted, 100));
        tsv.flush();
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1000.0;
    }

    private List<String> issued(String election, String building, String token) throws Exception {
        return api.serials(gateway, election, building, token, "ISSUED");
    }

    /** POST as the account {@code user} (null: anonymous); a write of an account carries its own Idempotency-Key. */
    private int post(String path, String user, String body) {
        return user == null ? api.post(gateway + path, null, null, body)
                : api.post(gateway + path, tokens.get(user), UUID.randomUUID().toString(), body);
    }

    /** GET as the account {@code user}. */
    private int get(String path, String user) {
        return api.get(gateway + path, tokens.get(user));
    }
}
