package org.ownersvote.deploy;

import java.util.Deque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * The two ways the benchmarks send load. Closed loop: a fixed number of requests in flight, each sender sending
 * its next request when the last one was answered (throughput at a given concurrency). Open loop: requests at a
 * fixed rate whatever the answers do, latency counted from each request's intended send time, so a server that
 * stalls shows as latency instead of as a slower schedule (the closed loop hides that queueing).
 */
final class Loops {

    private Loops() {
    }

    /**
     * Sends every job of {@code jobs} with {@code concurrency} senders; {@code send} returns the HTTP status (-1 for
     * no answer), {@code answered} may add follow-up jobs to the front of the deque.
     */
    static <T> LoadRun closed(String name, int concurrency, Deque<T> jobs, int capacity, ToIntFunction<T> send,
            BiConsumer<T, Integer> answered) throws InterruptedException {
        long[] micros = new long[capacity];
        AtomicInteger done = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        CountDownLatch finished = new CountDownLatch(concurrency);
        long start = System.nanoTime();
        for (int t = 0; t < concurrency; t++) {
            Thread worker = new Thread(() -> {
                try {
                    T job;
                    while ((job = jobs.pollFirst()) != null) {
                        long sent = System.nanoTime();
                        int status = send.applyAsInt(job);
                        int i = done.getAndIncrement();
                        if (i < micros.length) {
                            micros[i] = (System.nanoTime() - sent) / 1000;
                        }
                        if (status < 200 || status > 299) {
                            errors.incrementAndGet();
                        }
                        answered.accept(job, status);
                    }
                } finally {
                    finished.countDown();
                }
            });
            worker.start();
        }
        finished.await();
        return LoadRun.of(name, errors.get(), (System.nanoTime() - start) / 1e9, micros,
                Math.min(done.get(), micros.length));
    }

    /** Sends {@code rate} jobs a second for {@code seconds}, each on the schedule; stops early when jobs run out. */
    static <T> LoadRun open(String name, double rate, int seconds, Supplier<T> next, ToIntFunction<T> send)
            throws InterruptedException {
        int planned = (int) (rate * seconds);
        long[] micros = new long[planned];
        AtomicInteger done = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        ExecutorService senders = Executors.newFixedThreadPool(256);
        long start = System.nanoTime();
        long interval = (long) (1e9 / rate);
        int scheduled = 0;
        for (int i = 0; i < planned; i++) {
            T job = next.get();
            if (job == null) {
                break;
            }
            long intended = start + i * interval;
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            scheduled++;
            senders.submit(() -> {
                int status = send.applyAsInt(job);
                micros[done.getAndIncrement()] = (System.nanoTime() - intended) / 1000;
                if (status < 200 || status > 299) {
                    errors.incrementAndGet();
                }
            });
        }
        senders.shutdown();
        senders.awaitTermination(5, TimeUnit.MINUTES);
        double elapsed = (System.nanoTime() - start) / 1e9;
        if (scheduled < planned) {
            System.out.printf("%s: jobs ran out after %d of %d%n", name, scheduled, planned);
        }
        return LoadRun.of(name, errors.get(), elapsed, micros, done.get());
    }
}
