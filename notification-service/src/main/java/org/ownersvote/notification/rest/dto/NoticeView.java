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

    /** The notice in Chinese ("zh", the board's language) or English ("en"). */
    public static NoticeView of(Notice n, String language) {
        boolean en = "en".equals(language);
        return new NoticeView(n.id, n.electionId, n.kind, en ? n.titleEn : n.title, en ? n.bodyEn : n.body, n.drill,
                n.publishedAt, n.publicityEndsAt);
    }
}
