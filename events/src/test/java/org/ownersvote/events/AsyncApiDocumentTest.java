package org.ownersvote.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.lang.reflect.RecordComponent;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

class AsyncApiDocumentTest {

    private final JsonNode doc = read();

    @Test
    void everyEventTypeIsDocumentedOnItsTopicWithEveryPayloadField() {
        for (EventType eventType : EventType.values()) {
            JsonNode channel = doc.path("channels").path(eventType.topic());
            assertTrue(channel.path("messages").has(eventType.type()),
                    eventType.type() + " is not listed on channel " + eventType.topic());
            JsonNode message = doc.path("components").path("messages").path(eventType.type());
            assertEquals(eventType.type(), message.path("name").asText());
            JsonNode dataProperties = message.path("payload").path("allOf").get(1)
                    .path("properties").path("data").path("properties");
            for (RecordComponent component : eventType.payloadClass().getRecordComponents()) {
                assertTrue(dataProperties.has(component.getName()),
                        eventType.type() + " does not document payload field " + component.getName());
            }
        }
    }

    @Test
    void everyDocumentedMessageIsAKnownEventType() {
        doc.path("components").path("messages").fieldNames()
                .forEachRemaining(name -> assertTrue(EventType.fromType(name).isPresent(),
                        name + " is documented but unknown to EventType"));
    }

    @Test
    void everyTopicConstantHasAChannel() {
        for (String topic : new String[] { Topics.ELECTION_EVENTS, Topics.BALLOT_EVENTS, Topics.BALLOT_RESULTS,
                Topics.NOTIFICATION_EVENTS }) {
            assertNotNull(doc.path("channels").get(topic), topic + " has no channel");
        }
    }

    private static JsonNode read() {
        try (InputStream in = AsyncApiDocumentTest.class.getResourceAsStream("/asyncapi.yaml")) {
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
