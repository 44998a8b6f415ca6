package org.ownersvote.deploy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Load for the handout benchmark: many building leaders recording handouts at once.
 * <br>{@code HandoutLoad GATEWAY_URL BALLOT_SERVICE_URL ELECTION_ID LEADERS_FILE CONCURRENCY [LIMIT]} — closed loop:
 * each building's issued ballots are split in two, one half handed out through the gateway, the other directly
 * against ballot-service (at most LIMIT each after the warm-up), with the same number of requests in flight; prints
 * throughput and latency of each.
 * <br>{@code HandoutLoad open GATEWAY_URL ELECTION_ID LEADERS_FILE RATE SECONDS} — open loop through the gateway:
 * RATE handouts a second for SECONDS, latency from each handout's intended send time.
 * <br>LEADERS_FILE: one "building TAB token [TAB username]" line per building leader.
 */
public final class HandoutLoad {

    record Job(String token, String serial) {
    }

    private final BenchApi api = new BenchApi();

    public static void main(String[] args) throws Exception {
        HandoutLoad load = new HandoutLoad();
        if (args[0].equals("open")) {
            load.open(args[1], args[2], BenchApi.accounts(args[3]), Double.parseDouble(args[4]),
                    Integer.parseInt(args[5]));
        } else {
            int limit = args.length > 5 ? Integer.parseInt(args[5]) : Integer.MAX_VALUE;
            load.closed(args[0], args[1], args[2], BenchApi.accounts(args[3]), Integer.parseInt(args[4]), limit);
        }
    }

    private List<Job> issued(String gateway, String election, List<String[]> leaders) throws Exception {
        List<Job> jobs = new ArrayList<>();
        for (String[] leader : leaders) {
            for (String serial : api.serials(gateway, election, leader[0], leader[1], "ISSUED")) {
                jobs.add(new Job(leader[1], serial));
            }
        }
        // interleave buildings, as leaders of different buildings work at the same time
        jobs.sort((a, b) -> Integer.compare(a.serial().hashCode(), b.serial().hashCode()));
        return jobs;
    }

    private int handout(String base, Job job) {
        // with an Idempotency-Key of its own, as the web client sends every write
        return api.post(base + "/api/ballots/" + job.serial() + "/handout", job.token(), UUID.randomUUID().toString(),
                BenchApi.HANDOUT);
    }

    void closed(String gateway, String ballotService, String election, List<String[]> leaders, int concurrency,
            int limit) throws Exception {
        List<Job> all = issued(gateway, election, leaders);
        List<Job> viaGateway = new ArrayList<>();
        List<Job> direct = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            (i % 2 == 0 ? viaGateway : direct).add(all.get(i));
        }
        int warmup = Math.min(500, viaGateway.size() / 10);
        run("warm-up (gateway, not counted)", gateway, viaGateway.subList(0, warmup), concurrency);
        run("warm-up (direct, not counted)", ballotService, direct.subList(0, warmup), concurrency);
        LoadRun throughGateway = run("through the gateway", gateway,
                viaGateway.subList(warmup, (int) Math.min(viaGateway.size(), (long) warmup + limit)), concurrency);
        LoadRun againstService = run("directly against ballot-service", ballotService,
                direct.subList(warmup, (int) Math.min(direct.size(), (long) warmup + limit)), concurrency);
        throughGateway.print("handouts");
        againstService.print("handouts");
        System.out.printf("gateway / direct throughput: %.2f   p99 gateway / direct: %.2f%n",
                throughGateway.perSecond() / againstService.perSecond(),
                throughGateway.percentileMillis(99) / againstService.percentileMillis(99));
        System.out.printf("RESULT gateway_per_s=%.1f gateway_p99_ms=%.1f direct_per_s=%.1f direct_p99_ms=%.1f%n",
                throughGateway.perSecond(), throughGateway.percentileMillis(99), againstService.perSecond(),
                againstService.percentileMillis(99));
        if (throughGateway.errors() + againstService.errors() > 0) {
            System.exit(1);
        }
    }

    private LoadRun run(String name, String base, List<Job> jobs, int concurrency) throws InterruptedException {
        Deque<Job> queue = new ConcurrentLinkedDeque<>(jobs);
        LoadRun run = Loops.closed(name, concurrency, queue, jobs.size(), job -> handout(base, job), (job, s) -> {
        });
        if (name.startsWith("warm-up")) {
            System.out.printf("%s: %d handouts in %.1f s%n", name, run.requests(), run.seconds());
        }
        return run;
    }

    void open(String gateway, String election, List<String[]> leaders, double rate, int seconds) throws Exception {
        ConcurrentLinkedQueue<Job> jobs = new ConcurrentLinkedQueue<>(issued(gateway, election, leaders));
        int warmup = (int) Math.min(500, rate * 5);
        Deque<Job> first = new ArrayDeque<>();
        for (int i = 0; i < warmup && !jobs.isEmpty(); i++) {
            first.add(jobs.poll());
        }
        Loops.closed("warm-up", 16, new ConcurrentLinkedDeque<>(first), warmup, job -> handout(gateway, job),
                (job, s) -> {
                });
        LoadRun run = Loops.open("open loop through the gateway", rate, seconds, jobs::poll,
                job -> handout(gateway, job));
        run.print("handouts");
        System.out.printf("RESULT open_rate=%.1f open_per_s=%.1f open_p50_ms=%.1f open_p99_ms=%.1f open_errors=%d%n",
                rate, run.perSecond(), run.percentileMillis(50), run.percentileMillis(99), run.errors());
        if (run.errors() > 0) {
            System.exit(1);
        }
    }
}
