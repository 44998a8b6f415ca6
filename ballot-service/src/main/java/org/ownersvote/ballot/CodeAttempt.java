package org.ownersvote.ballot;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.ownersvote.ballot.domain.CodeDelay;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The wrong verification codes one source typed for one ballot, and how long it must wait now. */
@Entity
@Table(name = "code_attempt")
@IdClass(CodeAttempt.Key.class)
public class CodeAttempt extends PanacheEntityBase {

    @Id
    public String serial;

    @Id
    public String source;

    @Column(nullable = false)
    public int failures;

    @Column(name = "last_failure_at", nullable = false)
    public OffsetDateTime lastFailureAt;

    @Column(name = "next_allowed_at")
    public OffsetDateTime nextAllowedAt;

    public CodeDelay delay() {
        return new CodeDelay(failures, lastFailureAt, nextAllowedAt);
    }

    public void delay(CodeDelay state) {
        failures = state.failures();
        lastFailureAt = state.lastFailure();
        nextAllowedAt = state.nextAllowedAt();
    }

    /** The composite key (serial, source). */
    public static class Key implements Serializable {
        public String serial;
        public String source;

        public Key() {
        }

        public Key(String serial, String source) {
            this.serial = serial;
            this.source = source;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(serial, key.serial)
                    && Objects.equals(source, key.source);
        }

        @Override
        public int hashCode() {
            return Objects.hash(serial, source);
        }
    }
}
