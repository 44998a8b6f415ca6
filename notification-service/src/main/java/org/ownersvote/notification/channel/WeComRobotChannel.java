package org.ownersvote.notification.channel;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.ownersvote.notification.Message;
import org.ownersvote.notification.config.MessagesConfig;
import org.ownersvote.notification.domain.Outcome;
import org.ownersvote.notification.service.Recipients;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A WeChat Work group robot (企业微信群机器人): a markdown message to an owners' group through the group's webhook
 * key. The robot API has no request id, so an interrupted send is not repeated by itself.
 */
@ApplicationScoped
public class WeComRobotChannel implements MessageChannel {

    /** errcodes that mean "later": -1 system busy, 45009 the robot's rate limit. */
    private static final Set<Integer> TRANSIENT = Set.of(-1, 45009);

    @Inject
    MessagesConfig config;

    @Inject
    Recipients recipients;

    @Inject
    ObjectMapper json;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Override
    public Message.Channel channel() {
        return Message.Channel.WECOM;
    }

    @Override
    public boolean enabled() {
        return config.wecom().enabled();
    }

    @Override
    public boolean deduplicatesRequests() {
        return false;
    }

    @Override
    public Outcome send(Message message) {
        Optional<String> key = recipients.webhookKey(message.electionId, message.address);
        if (key.isEmpty()) {
            return Outcome.permanent("the group '" + message.address + "' is no longer registered for this election");
        }
        try {
            String content = "**" + message.subject + "**\n" + message.body;
            HttpRequest post = HttpRequest.newBuilder(URI.create(config.wecom().url() + "?key="
                    + URLEncoder.encode(key.get(), StandardCharsets.UTF_8)))
                    .timeout(config.wecom().timeout())
                    .header("Content-Type", "application/json; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(
                            Map.of("msgtype", "markdown", "markdown", Map.of("content", content))),
                            StandardCharsets.UTF_8))
                    .build();
            HttpResponse<String> response = http.send(post, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 429 || response.statusCode() >= 500) {
                return Outcome.retry("WeChat Work answered HTTP " + response.statusCode());
            }
            if (response.statusCode() != 200) {
                return Outcome.permanent("WeChat Work refused the request: HTTP " + response.statusCode());
            }
            JsonNode answer = json.readTree(response.body());
            int errcode = answer.path("errcode").asInt(-1);
            if (errcode == 0) {
                return Outcome.delivered(null);
            }
            String reason = "errcode " + errcode + ": " + answer.path("errmsg").asText("");
            return TRANSIENT.contains(errcode) ? Outcome.retry(reason) : Outcome.permanent(reason);
        } catch (IOException e) {
            return Outcome.retry("WeChat Work unreachable: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.retry("interrupted while sending");
        }
    }
}
