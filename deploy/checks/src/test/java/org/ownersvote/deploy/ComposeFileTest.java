package org.ownersvote.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The compose file is valid for Debian's docker-compose (config needs no engine), with the secrets make-secrets.sh
 * creates, and publishes the gateway only.
 */
class ComposeFileTest {

    @Test
    void theComposeFileIsValidAndOnlyTheGatewayIsPublished(@TempDir Path dir) throws Exception {
        Path compose = Deploy.ROOT.resolve("deploy/compose");
        Files.copy(compose.resolve("compose.yaml"), dir.resolve("compose.yaml"));
        Files.createDirectories(dir.resolve("initdb"));
        Files.createDirectories(dir.resolve("secrets"));
        for (String secret : List.of("db_password", "jwt_public.pem", "jwt_private.pem", "admin_password",
                "ballot_code_secret", "sms_api_key")) {
            Files.writeString(dir.resolve("secrets").resolve(secret), "test");
        }
        String resolved = Deploy.run(dir, "docker-compose", "-p", "ownersvote", "-f", "compose.yaml", "config");
        JsonNode config = Deploy.documents(resolved).get(0);
        List<String> published = new ArrayList<>();
        config.path("services").fields().forEachRemaining(s -> {
            if (!s.getValue().path("ports").isMissingNode()) {
                published.add(s.getKey());
            }
        });
        assertEquals(List.of("gateway"), published);
        assertTrue(config.path("networks").path("internal").path("internal").asBoolean(),
                "the services' network has no way out");
        for (String service : List.of("election-service", "ballot-service", "notification-service", "gateway")) {
            assertTrue(config.path("services").path(service).path("secrets").size() > 0, service + " gets secrets");
        }
    }
}
