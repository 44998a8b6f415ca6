package org.ownersvote.events;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A CloudEvents 1.0 event in structured JSON mode, as it travels on Kafka.
 *
 * @param subject       the election id, also the Kafka record key
 * @param correlationid the X-Request-Id of the request that caused the event (CloudEvents extension attribute)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventEnvelope(
        String specversion,
        String id,
        String type,
        String source,
        OffsetDateTime time,
        String subject,
        String datacontenttype,
        String correlationid,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/json";
}
