package org.ownersvote.notification.rest.dto;

import java.util.List;

/** One page of a notice board, newest first. */
public record NoticePage(List<NoticeView> items, int page, int size, long total) {
}
