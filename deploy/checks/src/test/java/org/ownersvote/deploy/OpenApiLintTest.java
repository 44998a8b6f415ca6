package org.ownersvote.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The four OpenAPI documents, as each module stores it at build time (target/openapi/openapi.json), pass Redocly CLI's
 * recommended rules with no error and no warning (deploy/checks/redocly.yaml). Redocly CLI is the npm package
 * {@code @redocly/cli}; .ci/run installs it.
 */
class OpenApiLintTest {

    static final Path CONFIG = Deploy.ROOT.resolve("deploy/checks/redocly.yaml");

    @ParameterizedTest
    @ValueSource(strings = { "gateway", "election-service", "ballot-service", "notification-service" })
    void theDocumentPassesTheRecommendedRules(String module) throws IOException, InterruptedException {
        Path document = Deploy.ROOT.resolve(module).resolve("target/openapi/openapi.json");
        assertTrue(Files.isRegularFile(document), document + " is missing: the module's build writes it"
                + " (quarkus.smallrye-openapi.store-schema-directory); build it first");
        JsonNode report = lint(document);
        List<String> problems = new ArrayList<>();
        for (JsonNode problem : report.path("problems")) {
            problems.add(problem.path("severity").asText() + " " + problem.path("ruleId").asText() + " at "
                    + problem.path("location").path(0).path("pointer").asText() + ": "
                    + problem.path("message").asText());
        }
        assertEquals(List.of(), problems, module + ": Redocly CLI found " + problems.size() + " problems");
        assertEquals(0, report.path("totals").path("errors").asInt(-1), module + " errors");
        assertEquals(0, report.path("totals").path("warnings").asInt(-1), module + " warnings");
    }

    /** Redocly CLI's report on one document, as JSON; no telemetry, no update check (nothing leaves the machine). */
    private static JsonNode lint(Path document) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("redocly", "lint", "--config", CONFIG.toString(), "--format=json",
                document.toString()).directory(Deploy.ROOT.toFile());
        builder.environment().put("REDOCLY_TELEMETRY", "off");
        builder.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            fail("Redocly CLI (redocly) is not installed: npm install -g @redocly/cli@2.77.0 (.ci/run does it)", e);
            throw e;
        }
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("redocly lint did not finish within 120 s");
        }
        String json = new String(out, StandardCharsets.UTF_8);
        int start = json.indexOf('{');
        if (start < 0) {
            fail("redocly lint printed no report (exit " + process.exitValue() + "):\n"
                    + new String(err, StandardCharsets.UTF_8) + json);
        }
        return new ObjectMapper().readTree(json.substring(start));
    }
}
