package org.ownersvote.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * Every setting the manifests and the compose file give a service is one the services read: an OWNERSVOTE_ variable
 * a configuration file names, or the environment form of a property a service declares. A misspelt key would be
 * silently ignored by the service; here it fails the build.
 */
class ConfigKeysTest {

    static final Pattern ENV = Pattern.compile("(?m)^\\s*-?\\s*(?:name:\\s*)?((?:OWNERSVOTE|QUARKUS)_[A-Z0-9_]+)");
    static final Set<String> SERVICES = Set.of("election-service", "ballot-service", "notification-service", "gateway",
            "platform/core");

    @Test
    void everyVariableTheDeploymentsSetIsReadByAService() throws IOException {
        Set<String> known = knownSettings();
        List<String> unknown = new ArrayList<>();
        int checked = 0;
        for (Path file : deploymentFiles()) {
            Matcher m = ENV.matcher(Files.readString(file));
            while (m.find()) {
                checked++;
                String variable = m.group(1).replaceAll("_FILE$", ""); // secret-env.sh turns NAME_FILE into NAME
                if (!known.contains(normalize(variable))) {
                    unknown.add(Deploy.ROOT.relativize(file) + ": " + m.group(1));
                }
            }
        }
        assertEquals(List.of(), unknown);
        Assertions.assertTrue(checked >= 40, "the deployments' settings were found: " + checked);
    }

    /** OWNERSVOTE_ variables named in ${...}, and every property key or @ConfigProperty name, normalized. */
    private static Set<String> knownSettings() throws IOException {
        Set<String> known = new TreeSet<>();
        Pattern reference = Pattern.compile("\\$\\{(OWNERSVOTE_[A-Z0-9_]+)");
        Pattern key = Pattern.compile("(?m)^(?:%\\w+\\.)?([a-z][\\w.\\-\"]*)=");
        Pattern property = Pattern.compile("@ConfigProperty\\(name = \"([^\"]+)\"");
        for (String service : SERVICES) {
            try (Stream<Path> files = Files.walk(Deploy.ROOT.resolve(service).resolve("src/main"))) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    String text = Files.readString(f);
                    Matcher m = reference.matcher(text);
                    while (m.find()) {
                        known.add(normalize(m.group(1)));
                    }
                    if (f.toString().endsWith(".properties")) {
                        Matcher k = key.matcher(text);
                        while (k.find()) {
                            known.add(normalize(k.group(1)));
                        }
                    }
                    Matcher p = property.matcher(text);
                    while (p.find()) {
                        known.add(normalize(p.group(1)));
                    }
                }
            }
        }
        // Quarkus' own settings the deployments use
        known.add(normalize("quarkus.datasource.username"));
        known.add(normalize("quarkus.datasource.password"));
        known.add(normalize("quarkus.http.port"));
        return known;
    }

    private static List<Path> deploymentFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(Deploy.ROOT.resolve("deploy/compose/compose.yaml"));
        try (Stream<Path> k8s = Files.walk(Deploy.ROOT.resolve("deploy/k8s"))) {
            k8s.filter(p -> p.toString().endsWith(".yaml")).forEach(files::add);
        }
        return files;
    }

    private static String normalize(String name) {
        return name.toLowerCase().replaceAll("[^a-z0-9]", "");
    }
}
