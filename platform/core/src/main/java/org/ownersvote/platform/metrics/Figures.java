package org.ownersvote.platform.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The suite's own counters (names {@code ownersvote.*}, exported as {@code ownersvote_*_total} at /q/metrics). A
 * figure counted inside a transaction is counted when it commits, so that a step that was rolled back is not
 * counted. Labels are low-cardinality only: an action, a channel, an outcome — never a serial or a name.
 */
@ApplicationScoped
public class Figures {

    @Inject
    MeterRegistry registry;

    @Inject
    TransactionSynchronizationRegistry transactions;

    /** One more of {@code name} (tags: name, value pairs), when the current transaction commits. */
    public void count(String name, String... tags) {
        count(name, 1, tags);
    }

    /** {@code amount} more of {@code name}, when the current transaction commits (at once outside one). */
    public void count(String name, long amount, String... tags) {
        Counter counter = registry.counter(name, tags);
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            counter.increment(amount);
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // counted only once the outcome is known
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    counter.increment(amount);
                }
            }
        });
    }
}
