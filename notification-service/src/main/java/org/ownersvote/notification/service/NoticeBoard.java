package org.ownersvote.notification.service;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.ownersvote.events.EventEnvelope;
import org.ownersvote.events.election.ElectionCreated;
import org.ownersvote.notification.Notice;
import org.ownersvote.platform.audit.AuditLog;

/** Posts notices on a community's board from the events that call for them. */
@ApplicationScoped
public class NoticeBoard {

    private static final Logger LOG = Logger.getLogger(NoticeBoard.class);

    @Inject
    AuditLog audit;

    /** Runs inside the inbox transaction: one notice per event, even if the event is delivered again. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void electionStarted(EventEnvelope envelope, ElectionCreated created) {
        Notice notice = new Notice();
        notice.id = UUID.randomUUID();
        notice.communityId = created.communityId();
        notice.electionId = created.electionId();
        notice.kind = Notice.Kind.ELECTION_STARTED;
        notice.title = NoticeTexts.electionStartedTitle(created);
        notice.body = NoticeTexts.electionStartedBody(created);
        notice.drill = created.drill();
        notice.publishedAt = OffsetDateTime.now();
        notice.sourceEventId = envelope.id();
        notice.persist();
        audit.record("event:" + envelope.source(), "notice.published", "notice", notice.id, created.electionId(),
                notice.title);
        LOG.infof("Posted notice %s (%s) for election %s", notice.id, notice.kind, created.electionId());
    }
}
