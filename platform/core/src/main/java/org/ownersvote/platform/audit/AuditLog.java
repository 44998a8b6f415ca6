package org.ownersvote.platform.audit;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.MDC;
import org.ownersvote.platform.correlation.RequestIds;

/** Appends to the audit trail inside the transaction of the change, so the trail and the data never disagree. */
@ApplicationScoped
public class AuditLog {

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String actor, String action, String subjectType, Object subjectId, UUID electionId,
            String detail) {
        append(actor, action, subjectType, subjectId, electionId, detail);
    }

    /**
     * Records a refused request in a transaction of its own, so the refusal stays on record while the request's own
     * transaction rolls back and changes nothing.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordRefusal(String actor, String action, String subjectType, Object subjectId, UUID electionId,
            String reason) {
        append(actor, action + ".refused", subjectType, subjectId, electionId, reason);
    }

    private static void append(String actor, String action, String subjectType, Object subjectId, UUID electionId,
            String detail) {
        AuditEntry entry = new AuditEntry();
        entry.at = OffsetDateTime.now();
        entry.actor = actor;
        entry.action = action;
        entry.subjectType = subjectType;
        entry.subjectId = String.valueOf(subjectId);
        entry.electionId = electionId;
        entry.detail = detail;
        Object requestId = MDC.get(RequestIds.MDC_KEY);
        entry.requestId = requestId == null ? null : requestId.toString();
        entry.persist();
    }
}
