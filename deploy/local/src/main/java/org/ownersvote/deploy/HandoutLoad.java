package org.ownersvote.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load for the handout benchmark: many building leaders recording handouts at once. Each building's issued
 * ballots are split in two: one half handed out through the gateway, the other directly against ballot-service,
 * with the same number of concurrent leaders. Prints throughput and latency percentiles of each run.
 * Usage: HandoutLoad GATEWAY_URL BALLOT_SERVICE_URL ELECTION_ID LEADERS_FILE CONCURRENCY
 * (LEADERS_FILE: one "building TAB token" line per building leader).
 */
public final class HandoutLoad {

    private static final Pattern SERIAL = Pattern.compile("\"serial\":\"([^\"]+)\"");

    record Job(String token, String serial) {
    }

    record Run(String name, int requests, int errors, double seconds, long[] sortedMicros) {
        double perSecond() {
            return requests / seconds;
        }

        double percentileMillis(double p) {
            if (sortedMicros.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p / 100 * sortedMicros.length) - 1;
            return sortedMicros[Math.max(0, index)] / 1000.0;
        }

        void print() {
            System.out.printf("%-34s %7d handouts %5d errors %8.1f /s   p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms  "
                    + "max %7.1f ms%n", name, requests, errors, perSecond(), percentileMillis(50),
                    percentileMillis(95), percentileMillis(99), percentileMillis(100));
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        String gateway = args[0];
        String ballotService = args[1];
        String election = args[2];
        List<String[]> leaders = Files.readAllLines(Path.of(args[3]), StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank()).map(l -> l.split("\t", 2)).toList();
        int concurrency = Integer.parseInt(args[4]);
        new HandoutLoad().run(gateway, ballotService, election, leaders, concurrency);
    }

    void run(String gateway, String ballotService, String election, List<String[]> leaders, int concurrency)
            throws Exception {
        List<Job> viaGateway = new ArrayList<>();
        List<Job> direct = new ArrayList<>();
        for (String[] leader : leaders) {
            List<String> serials = issuedSerials(gateway, election, leader[0], leader[1]);
            for (int i = 0; i < serials.size(); i++) {
                (i % 2 == 0 ? viaGateway : direct).add(new Job(leader[1], serials.get(i)));
            }
        }
        // interleave buildings, as leaders of different buildings work at the same time
        viaGateway.sort((a, b) -> Integer.compare(a.serial().hashCode(), b.serial().hashCode()));
        direct.sort((a, b) -> Integer.compare(a.serial().hashCode(), b.serial().hashCode()));
        int warmup = Math.min(500, viaGateway.size() / 10);
        load("warm-up (gateway, not counted)", gateway, viaGateway.subList(0, warmup), concurrency);
        load("warm-up (direct, not counted)", ballotService, direct.subList(0, warmup), concurrency);
        Run throughGateway = load("through the gateway", gateway, viaGateway.subList(warmup, viaGateway.size()),
                concurrency);
        Run againstService = load("directly against ballot-service", ballotService,
                direct.subList(warmup, direct.size()), concurrency);
        throughGateway.print();
        againstService.print();
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

    private List<String> issuedSerials(String gateway, String election, String building, String token)
            throws IOException, InterruptedException {
        List<String> serials = new ArrayList<>();
        for (int page = 0;; page++) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/elections/"
                    + election + "/ballots?status=ISSUED&size=500&page=" + page + "&building="
                    + URLEncoder.encode(building, StandardCharsets.UTF_8)))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("listing " + building + ": " + response.statusCode() + " "
                        + response.body());
            }
            Matcher m = SERIAL.matcher(response.body());
            int before = serials.size();
            while (m.find()) {
                serials.add(m.group(1));
            }
            if (serials.size() - before < 500) {
                return serials;
            }
        }
    }

    private Run load(String name, String base, List<Job> jobs, int concurrency) throws InterruptedException {
        ConcurrentLinkedQueue<Job> queue = new ConcurrentLinkedQueue<>(jobs);
        long[] micros = new long[jobs.size()];
        AtomicInteger done = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        CountDownLatch finished = new CountDownLatch(concurrency);
        String body = "{\"recipientName\":\"张三\",\"relation\":\"OWNER\",\"method\":\"IN_PERSON\"}";
        long start = System.nanoTime();
        for (int t = 0; t < concurrency; t++) {
            Thread worker = new Thread(() -> {
                try {
                    Job job;
                    while ((job = queue.poll()) != null) {
                        long sent = System.nanoTime();
                        int status;
                        try {
                            status = http.send(HttpRequest.newBuilder(URI.create(base + "/api/ballots/" + job.serial()
                                    + "/handout")).header("Authorization", "Bearer " + job.token())
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                    HttpResponse.BodyHandlers.discarding()).statusCode();
                        } catch (IOException e) {
                            status = -1;
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                        micros[done.getAndIncrement()] = (System.nanoTime() - sent) / 1000;
                        if (status != 200) {
                            errors.incrementAndGet();
                        }
                    }
                } finally {
                    finished.countDown();
                }
            });
            worker.start();
        }
        finished.await();
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] sorted = Arrays.copyOf(micros, done.get());
        Arrays.sort(sorted);
        Run run = new Run(name, done.get(), errors.get(), seconds, sorted);
        if (name.startsWith("warm-up")) {
            System.out.printf("%s: %d handouts in %.1f s%n", name, run.requests(), seconds);
        }
        return run;
    }
}
