package org.ownersvote.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Reads and writes envelopes and payloads. Producers and consumers use this one mapper so that both sides
 * agree on the wire format; unknown payload fields are tolerated (a newer producer may add optional fields
 * within one type version), missing required structure is not.
 */
public final class EventCodec {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private EventCodec() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot serialise " + value.getClass().getName(), e);
        }
    }

    /** Parses and checks an envelope; throws {@link UnreadableEventException} saying what is wrong. */
    public static EventEnvelope readEnvelope(String json) {
        EventEnvelope envelope;
        try {
            envelope = MAPPER.readValue(json, EventEnvelope.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new UnreadableEventException("not a CloudEvents JSON envelope: " + getOriginalMessage(e));
        }
        if (envelope == null) {
            throw new UnreadableEventException("empty event");
        }
        require(EventEnvelope.SPEC_VERSION.equals(envelope.specversion()), "specversion must be 1.0");
        require(notBlank(envelope.id()), "id is missing");
        require(notBlank(envelope.type()), "type is missing");
        require(notBlank(envelope.source()), "source is missing");
        require(envelope.data() != null && envelope.data().isObject(), "data must be a JSON object");
        return envelope;
    }

    /** Reads the payload of a known type; a payload that does not match its contract is unreadable. */
    public static <T extends Record> T readPayload(EventEnvelope envelope, Class<T> payloadClass) {
        try {
            T payload = MAPPER.treeToValue(envelope.data(), payloadClass);
            if (payload instanceof Validated validated) {
                validated.validate();
            }
            return payload;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new UnreadableEventException(envelope.type() + " payload does not match its contract: "
                    + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
        }
    }

    private static void require(boolean condition, String reason) {
        if (!condition) {
            throw new UnreadableEventException(reason);
        }
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static String getOriginalMessage(Exception e) {
        return e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
    }
}
