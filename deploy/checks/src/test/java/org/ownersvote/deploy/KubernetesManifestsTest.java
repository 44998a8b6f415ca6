package org.ownersvote.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;

/**
 * The Kustomize overlays render offline, and every resource binds to its schema: Kubernetes' own kinds to the
 * fabric8 model of the API, Strimzi's to Strimzi's API classes, with any field the schema does not know reported
 * (both models keep unknown fields aside instead of failing, so the check walks them). CloudNativePG publishes no
 * Java model and no CRD file reachable from here: its Cluster and Database are checked for the fields the
 * operator requires.
 */
class KubernetesManifestsTest {

    static final Map<String, Class<?>> MODELS = Map.ofEntries(
            Map.entry("v1/Namespace", Namespace.class),
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler",
                    HorizontalPodAutoscaler.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("kafka.strimzi.io/v1beta2/Kafka", Kafka.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaNodePool", KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaTopic", KafkaTopic.class));

    static final ObjectMapper STRICT = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void theOverlayRendersAndEveryResourceMatchesItsSchema(String overlay) throws Exception {
        List<JsonNode> docs = Deploy.kustomize(overlay);
        List<String> problems = new ArrayList<>();
        for (JsonNode doc : docs) {
            String type = doc.path("apiVersion").asText() + "/" + doc.path("kind").asText();
            String name = type + " " + doc.path("metadata").path("name").asText();
            if (type.startsWith("postgresql.cnpg.io/v1/")) {
                problems.addAll(cloudNativePg(name, doc));
                continue;
            }
            if (type.startsWith("monitoring.coreos.com/v1/")) {
                problems.addAll(prometheusOperator(name, doc));
                continue;
            }
            Class<?> model = MODELS.get(type);
            if (model == null) {
                problems.add(name + ": a kind these checks do not know");
                continue;
            }
            try {
                Object resource = STRICT.treeToValue(doc, model);
                unknownFields(resource, name, problems, new IdentityHashMap<>());
            } catch (Exception e) {
                problems.add(name + ": " + e.getMessage());
            }
        }
        assertEquals(List.of(), problems);
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void everyServiceHasProbesLimitsAPodDisruptionBudgetAndRunsAsNonRoot(String overlay) throws Exception {
        List<JsonNode> docs = Deploy.kustomize(overlay);
        Set<String> deployments = names(docs, "Deployment");
        assertEquals(Set.of("election-service", "ballot-service", "notification-service", "gateway"), deployments);
        assertEquals(deployments, names(docs, "PodDisruptionBudget"));
        assertEquals(Set.of("gateway", "ballot-service"), names(docs, "HorizontalPodAutoscaler"));
        for (JsonNode d : of(docs, "Deployment")) {
            JsonNode pod = d.path("spec").path("template").path("spec");
            JsonNode c = pod.path("containers").get(0);
            String name = d.path("metadata").path("name").asText();
            assertEquals("/q/health/ready", c.path("readinessProbe").path("httpGet").path("path").asText(), name);
            assertEquals("/q/health/live", c.path("livenessProbe").path("httpGet").path("path").asText(), name);
            assertFalse(c.path("resources").path("limits").path("memory").isMissingNode(), name + " memory limit");
            assertTrue(pod.path("securityContext").path("runAsNonRoot").asBoolean(), name + " non-root");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void onlyTheGatewayIsReachableFromOutside(String overlay) throws Exception {
        List<JsonNode> docs = Deploy.kustomize(overlay);
        JsonNode deny = of(docs, "NetworkPolicy").stream()
                .filter(p -> p.path("metadata").path("name").asText().equals("default-deny-ingress")).findFirst()
                .orElseThrow();
        assertTrue(deny.path("spec").path("podSelector").isEmpty(), "the default denies every pod");
        for (JsonNode p : of(docs, "NetworkPolicy")) {
            for (JsonNode rule : p.path("spec").path("ingress")) {
                boolean open = rule.path("from").isMissingNode() || rule.path("from").isEmpty();
                if (open) {
                    assertEquals("gateway", p.path("spec").path("podSelector").path("matchLabels")
                            .path("app.kubernetes.io/name").asText(), p.path("metadata").path("name") + " is open");
                }
            }
        }
        for (JsonNode s : of(docs, "Service")) {
            assertEquals("ClusterIP", s.path("spec").path("type").asText("ClusterIP"),
                    "no service is exposed directly");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "prod" })
    void productionTopicsAreReplicatedThreeTimesAndNeedTwoInSync(String overlay) throws Exception {
        List<JsonNode> topics = of(Deploy.kustomize(overlay), "KafkaTopic");
        assertEquals(Set.of("election-events", "ballot-events", "ballot-results", "notification-events",
                "election-service.dead-letter",
                "ballot-service.dead-letter", "notification-service.dead-letter"), names(topics, "KafkaTopic"));
        for (JsonNode t : topics) {
            assertEquals(3, t.path("spec").path("replicas").asInt(), t.path("metadata").path("name").asText());
            assertEquals(2, t.path("spec").path("config").path("min.insync.replicas").asInt());
        }
    }

    /** CloudNativePG: the fields its operator requires (no schema of it can be had offline here). */
    private static List<String> cloudNativePg(String name, JsonNode doc) {
        List<String> problems = new ArrayList<>();
        JsonNode spec = doc.path("spec");
        switch (doc.path("kind").asText()) {
            case "Cluster" -> {
                if (spec.path("instances").asInt(0) < 1) {
                    problems.add(name + ": spec.instances must be at least 1");
                }
                if (spec.path("storage").path("size").asText().isEmpty()) {
                    problems.add(name + ": spec.storage.size is required");
                }
            }
            case "Database" -> {
                for (String field : List.of("name", "owner")) {
                    if (spec.path(field).asText().isEmpty()) {
                        problems.add(name + ": spec." + field + " is required");
                    }
                }
                if (spec.path("cluster").path("name").asText().isEmpty()) {
                    problems.add(name + ": spec.cluster.name is required");
                }
            }
            default -> problems.add(name + ": a CloudNativePG kind these checks do not know");
        }
        return problems;
    }

    /** The Prometheus Operator's resources, by the fields it needs (its CRDs have no Java model here). */
    private static List<String> prometheusOperator(String name, JsonNode doc) {
        List<String> problems = new ArrayList<>();
        JsonNode spec = doc.path("spec");
        switch (doc.path("kind").asText()) {
            case "PodMonitor" -> {
                if (spec.path("selector").isEmpty()) {
                    problems.add(name + ": spec.selector is required (an empty one selects every pod)");
                }
                for (JsonNode endpoint : spec.path("podMetricsEndpoints")) {
                    if (!endpoint.path("path").asText().equals("/q/metrics") || !endpoint.path("port").asText()
                            .equals("http")) {
                        problems.add(name + ": every endpoint is port http, path /q/metrics");
                    }
                }
            }
            case "PrometheusRule" -> {
                for (JsonNode group : spec.path("groups")) {
                    for (JsonNode rule : group.path("rules")) {
                        String alert = rule.path("alert").asText();
                        if (alert.isEmpty() || rule.path("expr").asText().isBlank()
                                || !Set.of("warning", "critical")
                                        .contains(rule.path("labels").path("severity").asText())
                                || rule.path("annotations").path("summary").asText().isBlank()) {
                            problems.add(name + ": rule " + alert + " needs alert, expr, severity (warning or "
                                    + "critical) and a summary");
                        }
                    }
                }
            }
            default -> problems.add(name + ": a Prometheus Operator kind these checks do not know");
        }
        return problems;
    }

    /** The suite's own metrics, as the services' tests see them at /q/metrics (MetricsTest and others). */
    static final Set<String> OWNERSVOTE_METRICS = Set.of("ownersvote_outbox_backlog",
            "ownersvote_outbox_oldest_unsent_age_seconds", "ownersvote_ballot_steps_total",
            "ownersvote_ballots_issued_total", "ownersvote_counting_entries_total",
            "ownersvote_counting_conflicts_total", "ownersvote_messages_total", "ownersvote_logins_failed_total",
            "ownersvote_logins_locked_total", "ownersvote_inbox_retries_total", "ownersvote_inbox_dead_letters_total");

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void theAlertsCoverTheOutboxDeadLettersLagErrorsAndLockoutsWithMetricsTheSuiteExports(String overlay)
            throws Exception {
        List<JsonNode> docs = Deploy.kustomize(overlay);
        Set<String> alerts = new TreeSet<>();
        List<String> expressions = new ArrayList<>();
        for (JsonNode rules : of(docs, "PrometheusRule")) {
            for (JsonNode group : rules.path("spec").path("groups")) {
                for (JsonNode rule : group.path("rules")) {
                    alerts.add(rule.path("alert").asText());
                    expressions.add(rule.path("expr").asText());
                }
            }
        }
        assertEquals(Set.of("OwnersVoteOutboxBacklogOld", "OwnersVoteDeadLetters", "OwnersVoteConsumerLag",
                "OwnersVoteServerErrors", "OwnersVoteLoginLockouts"), alerts);
        JsonNode dashboard = STRICT.readTree(of(docs, "ConfigMap").stream()
                .filter(c -> c.path("metadata").path("name").asText().equals("ownersvote-grafana-dashboard"))
                .findFirst().orElseThrow().path("data").path("ownersvote-dashboard.json").asText());
        for (JsonNode panel : dashboard.path("panels")) {
            panel.path("targets").forEach(t -> expressions.add(t.path("expr").asText()));
        }
        Matcher names = Pattern.compile("ownersvote_[a-z_]+")
                .matcher(String.join("\n", expressions));
        List<String> unknown = new ArrayList<>();
        while (names.find()) {
            if (!OWNERSVOTE_METRICS.contains(names.group())) {
                unknown.add(names.group());
            }
        }
        assertEquals(List.of(), unknown, "alerts and dashboard name only metrics the services export");
        assertEquals(1, of(docs, "PodMonitor").size());
    }

    /** Fields the model kept aside because its schema has no place for them, anywhere in the resource. */
    private static void unknownFields(Object value, String path, List<String> problems, Map<Object, Boolean> seen) {
        if (value == null || seen.put(value, Boolean.TRUE) != null) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                unknownFields(item, path + "[" + i++ + "]", problems, seen);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> unknownFields(v, path + "." + k, problems, seen));
            return;
        }
        String pkg = value.getClass().getPackageName();
        if (!pkg.startsWith("io.fabric8.kubernetes.api.model") && !pkg.startsWith("io.strimzi.api")) {
            return;
        }
        for (Method m : value.getClass().getMethods()) {
            if (m.getParameterCount() != 0 || !m.getName().startsWith("get") || m.getName().equals("getClass")) {
                continue;
            }
            try {
                Object result = m.invoke(value);
                if (m.getName().equals("getAdditionalProperties")) {
                    if (result instanceof Map<?, ?> extra && !extra.isEmpty()) {
                        problems.add(path + ": unknown field(s) " + extra.keySet());
                    }
                } else {
                    unknownFields(result, path + "." + m.getName().substring(3), problems, seen);
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                // a derived getter that cannot answer is not a field
            }
        }
    }

    private static List<JsonNode> of(List<JsonNode> docs, String kind) {
        return docs.stream().filter(d -> d.path("kind").asText().equals(kind)).toList();
    }

    private static Set<String> names(List<JsonNode> docs, String kind) {
        return of(docs, kind).stream().map(d -> d.path("metadata").path("name").asText()).collect(Collectors.toSet());
    }
}
