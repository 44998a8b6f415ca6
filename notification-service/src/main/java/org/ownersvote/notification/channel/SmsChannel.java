package org.ownersvote.notification.channel;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.ownersvote.notification.Message;
import org.ownersvote.notification.config.MessagesConfig;
import org.ownersvote.notification.domain.Outcome;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * SMS through an HTTP provider, by template id and parameters as Chinese SMS providers take them. The contract is
 * in notification-service/MESSAGES.md; its key point is that the provider deduplicates by {@code requestId}, so a
 * send interrupted by a crash can be repeated without the owner getting two texts.
 */
@ApplicationScoped
public class SmsChannel implements MessageChannel {

    @Inject
    MessagesConfig config;

    @Inject
    ObjectMapper json;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Override
    public Message.Channel channel() {
        return Message.Channel.SMS;
    }

    @Override
    public boolean enabled() {
        return config.sms().url().isPresent();
    }

    @Override
    public boolean deduplicatesRequests() {
        return true;
    }

    @Override
    public Outcome send(Message message) {
        try {
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("requestId", message.requestId());
            request.put("phone", message.address);
            request.put("signName", config.sms().signName());
            request.put("templateId", message.templateId);
            request.put("params", json.readTree(message.params));
            HttpRequest.Builder post = HttpRequest.newBuilder(config.sms().url().orElseThrow())
                    .timeout(config.sms().timeout())
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("X-Request-Id", message.requestId())
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(request),
                            StandardCharsets.UTF_8));
            config.sms().apiKey().ifPresent(key -> post.header("Authorization", "Bearer " + key));
            HttpResponse<String> response = http.send(post.build(), HttpResponse.BodyHandlers.ofString());
            return outcome(response.statusCode(), response.body());
        } catch (IOException e) {
            return Outcome.retry("SMS provider unreachable: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.retry("interrupted while sending");
        }
    }

    private Outcome outcome(int status, String body) {
        if (status == 429 || status >= 500) {
            return Outcome.retry("SMS provider answered HTTP " + status);
        }
        if (status != 200) {
            return Outcome.permanent("SMS provider refused the request: HTTP " + status + " " + abbreviate(body));
        }
        try {
            JsonNode answer = json.readTree(body);
            String code = answer.path("code").asText("");
            if ("OK".equals(code)) {
                return Outcome.delivered(answer.path("messageId").asText(null));
            }
            String reason = code + ": " + answer.path("message").asText("");
            return "THROTTLED".equals(code) ? Outcome.retry(reason) : Outcome.permanent(reason);
        } catch (IOException e) {
            return Outcome.retry("unreadable answer from the SMS provider: " + abbreviate(body));
        }
    }

    static String abbreviate(String text) {
        return text == null ? "" : text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
