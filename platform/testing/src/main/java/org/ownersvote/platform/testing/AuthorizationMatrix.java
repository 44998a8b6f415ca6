package org.ownersvote.platform.testing;

import static io.restassured.RestAssured.given;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

import io.restassured.specification.RequestSpecification;

/**
 * The authorization matrix of a service, generated from its resource classes: every endpoint (verb and path, read
 * from the JAX-RS annotations) is called with no token, with a token of every role it does not allow, and with a
 * token of every role it allows but scoped to another community, election, building or ballot. Expected: 401,
 * 403, and 403 or 404; and the database unchanged. A new endpoint joins the matrix by itself; a writing endpoint
 * without a sample body fails the matrix, so that the foreign-scope check is reached rather than stopped by
 * validation.
 */
public final class AuthorizationMatrix {

    /** One endpoint as its annotations declare it. */
    public record Endpoint(String method, String path, Set<String> roles, boolean permitAll) {
        public String key() {
            return method + " " + path;
        }
    }

    /** A body that passes validation for an endpoint, with its content type. */
    public record Body(String contentType, byte[] bytes) {
        /** For a writing endpoint that takes no body. */
        public static final Body NONE = new Body(null, new byte[0]);

        public static Body json(String json) {
            return new Body("application/json", json.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static final Pattern PARAM = Pattern.compile("\\{(\\w+)}");
    private static final Set<String> BODYLESS = Set.of("GET", "DELETE", "HEAD", "OPTIONS");

    private final List<Endpoint> endpoints;
    private final Map<String, String> pathValues = new LinkedHashMap<>();
    private final Map<String, Body> bodies = new LinkedHashMap<>();
    private final Set<String> skipped = new LinkedHashSet<>();
    private final Map<String, String> queries = new LinkedHashMap<>();
    private Predicate<Endpoint> only = e -> true;
    private Function<String, String> foreignToken;
    private Set<String> roles = Set.of();

    private AuthorizationMatrix(List<Endpoint> endpoints) {
        this.endpoints = endpoints;
    }

    public static AuthorizationMatrix of(Class<?>... resources) {
        return new AuthorizationMatrix(endpoints(resources));
    }

    /** Every endpoint of the classes, in declaration order. */
    public static List<Endpoint> endpoints(Class<?>... resources) {
        List<Endpoint> found = new ArrayList<>();
        for (Class<?> resource : resources) {
            Path base = resource.getAnnotation(Path.class);
            RolesAllowed classRoles = resource.getAnnotation(RolesAllowed.class);
            for (Method m : resource.getDeclaredMethods()) {
                String verb = verb(m);
                if (verb == null) {
                    continue;
                }
                Path path = m.getAnnotation(Path.class);
                String full = ((base == null ? "" : base.value()) + (path == null ? "" : "/" + path.value()))
                        .replaceAll("/+", "/");
                RolesAllowed roles = m.getAnnotation(RolesAllowed.class) != null ? m.getAnnotation(RolesAllowed.class)
                        : classRoles;
                boolean permitAll = m.isAnnotationPresent(PermitAll.class)
                        || (roles == null && resource.isAnnotationPresent(PermitAll.class));
                found.add(new Endpoint(verb, full.endsWith("/") && full.length() > 1
                        ? full.substring(0, full.length() - 1) : full,
                        roles == null ? Set.of() : Set.copyOf(Arrays.asList(roles.value())), permitAll));
            }
        }
        return found;
    }

    /** The value a path parameter takes: the id of a real object in scope A. */
    public AuthorizationMatrix path(String parameter, Object value) {
        pathValues.put(parameter, String.valueOf(value));
        return this;
    }

    public AuthorizationMatrix body(String endpointKey, Body body) {
        bodies.put(endpointKey, body);
        return this;
    }

    /** A query string an endpoint needs to pass validation (e.g. "building=1号楼"). */
    public AuthorizationMatrix query(String endpointKey, String query) {
        queries.put(endpointKey, query);
        return this;
    }

    /** Restricts the run to some endpoints (e.g. those that take a ballot serial, for a same-election row). */
    public AuthorizationMatrix only(Predicate<Endpoint> endpoints) {
        this.only = endpoints;
        return this;
    }

    /** Endpoints the matrix leaves out, each with the reason in the caller's comment. */
    public AuthorizationMatrix skip(String endpointKey) {
        skipped.add(endpointKey);
        return this;
    }

    /** Every role to try, and for each a token of that role scoped away from the objects in scope A. */
    public AuthorizationMatrix foreignTokens(Set<String> roles, Function<String, String> tokenOfRole) {
        this.roles = roles;
        this.foreignToken = tokenOfRole;
        return this;
    }

    /**
     * Every role but admin (whose scope is the whole platform), each with a token scoped to a community, election,
     * building ("9号楼") and ballot that are none of the objects under test. Role names as in platform's Roles.
     */
    public AuthorizationMatrix foreignScope() {
        UUID community = UUID.randomUUID();
        UUID election = UUID.randomUUID();
        return foreignTokens(Set.of("street-office", "working-group", "building-leader", "counter", "scrutineer",
                "chief-scrutineer", "owner", "gateway"),
                role -> TestTokens.as("other-" + role, role)
                        .community(community).election(election).oversees(community).buildings("9号楼")
                        .ballot("Z0001-1").token());
    }

    /**
     * Runs the matrix and returns every cell that answered other than expected (empty when all is well). The
     * fingerprint is taken before and after; a difference is reported as a failure too.
     */
    public List<String> run(Supplier<String> fingerprint) {
        List<String> failures = new ArrayList<>();
        String before = fingerprint.get();
        int cells = 0;
        for (Endpoint e : endpoints) {
            if (skipped.contains(e.key()) || e.permitAll() || !only.test(e)) {
                continue;
            }
            if (!BODYLESS.contains(e.method()) && !bodies.containsKey(e.key())) {
                failures.add(e.key() + ": no sample body, so its foreign-scope check cannot be reached");
                continue;
            }
            String url = url(e, failures);
            if (url == null) {
                continue;
            }
            cells++;
            expect(failures, e, "no token", call(e, url, null), Set.of(401));
            for (String role : roles) {
                boolean allowed = e.roles().contains(role);
                int status = call(e, url, foreignToken.apply(role));
                cells++;
                expect(failures, e, role + (allowed ? " of another scope" : ""), status,
                        allowed ? Set.of(403, 404) : Set.of(403));
            }
        }
        String after = fingerprint.get();
        if (!before.equals(after)) {
            failures.add("the database changed during the matrix");
        }
        if (cells == 0) {
            failures.add("the matrix called nothing");
        }
        return failures;
    }

    private String url(Endpoint e, List<String> failures) {
        Matcher m = PARAM.matcher(e.path());
        StringBuilder url = new StringBuilder();
        while (m.find()) {
            String value = pathValues.get(m.group(1));
            if (value == null) {
                failures.add(e.key() + ": no value for path parameter {" + m.group(1) + "}");
                return null;
            }
            m.appendReplacement(url, Matcher.quoteReplacement(value));
        }
        m.appendTail(url);
        String query = queries.get(e.key());
        return query == null ? url.toString() : url + "?" + query;
    }

    private int call(Endpoint e, String url, String token) {
        RequestSpecification request = given().redirects().follow(false);
        if (token != null) {
            request.auth().oauth2(token);
        }
        Body body = bodies.get(e.key());
        if (body != null && body.contentType() != null) {
            request.contentType(body.contentType()).body(body.bytes());
        }
        return request.request(e.method(), url).statusCode();
    }

    private static void expect(List<String> failures, Endpoint e, String who, int status, Set<Integer> expected) {
        if (!expected.contains(status)) {
            failures.add(e.key() + " as " + who + ": " + status + ", expected " + expected);
        }
    }

    private static String verb(Method m) {
        for (Annotation a : m.getAnnotations()) {
            HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }
}
