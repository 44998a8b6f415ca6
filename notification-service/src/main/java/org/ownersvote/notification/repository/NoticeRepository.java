package org.ownersvote.notification.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.ownersvote.notification.Notice;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

/** A community's notices ({@code notice}). */
@ApplicationScoped
public class NoticeRepository {

    /** A page of the community's board, newest first. */
    public List<Notice> board(UUID communityId, int page, int size) {
        return Notice.<Notice>find("communityId", Sort.descending("publishedAt").and("id"), communityId)
                .page(Page.of(page, size)).list();
    }

    public long boardSize(UUID communityId) {
        return Notice.count("communityId", communityId);
    }

    /** Whether a notice was posted about {@code about} (its source event or campaign key). */
    public boolean posted(String about) {
        return Notice.count("sourceEventId", about) > 0;
    }

    /** Whether a notice was posted about {@code about}, or the election has a notice of one of these kinds. */
    public boolean posted(String about, UUID electionId, List<Notice.Kind> kinds) {
        return Notice.count("sourceEventId = ?1 or (electionId = ?2 and kind in ?3)", about, electionId, kinds) > 0;
    }

    /** The election's latest notice of this kind; null when there is none. */
    public Notice latest(UUID electionId, Notice.Kind kind) {
        return Notice.<Notice>find("electionId = ?1 and kind = ?2 order by publishedAt desc", electionId, kind)
                .firstResult();
    }
}
