package org.ownersvote.notification.rest.dto;

import java.util.List;
import java.util.Map;

/** One page of an election's messages, newest first, with the number of messages in each state (all pages). */
public record MessagePage(List<MessageView> items, int page, int size, long total, Map<String, Long> byStatus) {
}
