package org.ownersvote.platform.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks that a service's code keeps to its layers, by reading its sources (src/main/java): resources ({@code rest/})
 * check the caller's role and scope and map requests to domain values and results to views; services
 * ({@code service/}) speak the domain and never see a request type or the caller; each aggregate's SQL is in its
 * repository ({@code repository/}); an unknown election becomes a 404 in one place.
 */
public final class LayerCheck {

    private static final Pattern REST_IMPORT = Pattern.compile("(?m)^import org\\.ownersvote\\.\\w+\\.rest\\.");
    private static final Pattern CALLER_IMPORT = Pattern.compile(
            "(?m)^import org\\.ownersvote\\.platform\\.security\\.Caller;");
    private static final Pattern ENTITY_MANAGER = Pattern.compile("\\bEntityManager\\b");
    /** Statements written out, and Panache queries (an entity's static find/list/count/… with a query string). */
    private static final Pattern SQL = Pattern.compile("createNativeQuery|createQuery|prepareStatement"
            + "|(?:^|[^.\\w])(?:find|list|stream|count|delete|update)\\(\\s*\""
            + "|\\b[A-Z]\\w*\\.(?:<\\w+>)?(?:find|list|stream|count|delete|update)\\(\\s*\"", Pattern.MULTILINE);
    private static final Pattern ELECTION_NOT_FOUND = Pattern.compile(
            "notFound\\(\\s*Text\\.of\\(\\s*\"thing\\.election\"");

    private LayerCheck() {
    }

    /**
     * Where resources and services leave their layer: a service importing a REST type or the caller, a resource
     * with SQL or an EntityManager, or an election's find-or-404 written in more than one file. Empty when none.
     */
    public static List<String> layerProblems(Path moduleDir) throws IOException {
        List<String> found = new ArrayList<>();
        List<String> electionNotFound = new ArrayList<>();
        for (Path file : sources(moduleDir)) {
            String path = relative(moduleDir, file);
            String code = Files.readString(file);
            if (path.contains("/service/") && REST_IMPORT.matcher(code).find()) {
                found.add(path + ": a service imports a REST type; give it domain values instead");
            }
            if (path.contains("/service/") && CALLER_IMPORT.matcher(code).find()) {
                found.add(path + ": a service takes the caller; the resource checks scope and passes the actor");
            }
            if (path.contains("/rest/") && (ENTITY_MANAGER.matcher(code).find() || SQL.matcher(code).find())) {
                found.add(path + ": a resource reads the database; ask a repository or a service");
            }
            if (ELECTION_NOT_FOUND.matcher(code).find()) {
                electionNotFound.add(path);
            }
        }
        if (electionNotFound.size() > 1) {
            found.add("an unknown election is answered 404 in " + electionNotFound.size() + " files "
                    + electionNotFound + "; one place, the election's repository or service, is enough");
        }
        return found;
    }

    /**
     * Files outside {@code repository/} that hold SQL or Panache queries, apart from {@code allowed} (file, relative
     * to the module, → why it may for now). An allowed file that no longer holds SQL is named too, so the list
     * shrinks as the code does.
     */
    public static List<String> sqlOutsideRepositories(Path moduleDir, Map<String, String> allowed) throws IOException {
        List<String> found = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (Path file : sources(moduleDir)) {
            String path = relative(moduleDir, file);
            if (path.contains("/repository/")) {
                continue;
            }
            Matcher sql = SQL.matcher(Files.readString(file));
            if (!sql.find()) {
                continue;
            }
            seen.add(path);
            if (!allowed.containsKey(path)) {
                found.add(path + ": SQL outside a repository (\"" + sql.group().strip()
                        + "\"); move it to the aggregate's repository");
            }
        }
        allowed.keySet().stream().filter(path -> !seen.contains(path))
                .forEach(path -> found.add(path + " holds no SQL any more: take it off the allowed list"));
        return found;
    }

    private static List<Path> sources(Path moduleDir) throws IOException {
        Path root = moduleDir.resolve("src/main/java");
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("no sources under " + root.toAbsolutePath());
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }

    private static String relative(Path moduleDir, Path file) {
        return moduleDir.relativize(file).toString().replace('\\', '/');
    }
}
