package org.ownersvote.notification.rest.dto;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.ownersvote.notification.Notice;

public record NoticeView(
        UUID id,
        UUID electionId,
        Notice.Kind kind,
        String title,
        String body,
        boolean drill,
        OffsetDateTime publishedAt,
        OffsetDateTime publicityEndsAt) {

    public static NoticeView of(Notice n) {
        return new NoticeView(n.id, n.electionId, n.kind, n.title, n.body, n.drill, n.publishedAt, n.publicityEndsAt);
    }
}
