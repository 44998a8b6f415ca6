package org.ownersvote.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The platform's answers to malformed requests, as every service gives them, seen through the gateway. */
@QuarkusTest
class ProblemsAndLimitsTest {

    @Test
    void theAdminListsEveryAccountThroughTheGateway() {
        given().auth().oauth2(Logins.admin()).get("/api/admin/users?page=0&size=200").then().statusCode(200)
                .body("username", hasItem("admin"));
        given().auth().oauth2(Logins.workingGroup(UUID.randomUUID())).get("/api/admin/users").then().statusCode(403)
                .contentType("application/problem+json");
        given().get("/api/admin/users").then().statusCode(401);
    }

    @Test
    void aQueryParameterThatDoesNotConvertIs400NamingIt() {
        String admin = Logins.admin();
        given().auth().oauth2(admin).get("/api/admin/users?page=abc").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ownersvote:problem:invalid-parameter"))
                .body("errors[0].field", equalTo("page"))
                .body("errors[0].message", equalTo("'abc' is not a valid whole number"));
        given().auth().oauth2(admin).get("/api/admin/users?size=500").then().statusCode(422)
                .body("errors[0].field", equalTo("size"));
        // a path nobody serves is still 404
        given().auth().oauth2(admin).get("/api/admin/nothing").then().statusCode(404);
    }

    @Test
    void unreadableBodiesAreDescribedWithoutJavaTypesOrLibraryMessages() {
        String admin = Logins.admin();
        String detail = given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"username\": nope}")
                .post("/api/admin/users").then().statusCode(400).body("type", containsString("malformed-json"))
                .extract().path("detail");
        assertEquals("The request body is not valid JSON (line 1, column 14)", detail);
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("username", "abc", "password", "x", "displayName", "x", "roles", List.of("admin"),
                        "communityId", "not-an-id"))
                .post("/api/admin/users").then().statusCode(400)
                .body("detail", equalTo("communityId: 'not-an-id' is not a valid id (UUID)"))
                .body("detail", not(containsString("java.")))
                .body("detail", not(containsString("Exception")));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("[1, 2]").post("/api/admin/users").then()
                .statusCode(400).body("detail", not(containsString("com.fasterxml")))
                .body("detail", not(containsString("Exception")));
    }

    @Test
    void aBodyOverTheLimitOfTheGatewaysOwnResourcesGetsAProblemToo() {
        given().contentType(ContentType.JSON).body(new byte[3 * 1024 * 1024]).post("/api/auth/login").then()
                .statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("urn:ownersvote:problem:body-too-large"));
    }

    @Test
    void aCallersRequestIdIsKeptOnlyIfShortAndPlain() {
        given().header("X-Request-Id", "abc.DEF_123-x").get("/api/elections/e1").then()
                .header("X-Request-Id", "abc.DEF_123-x");
        for (String bad : List.of("has space", "quote\"d", "<script>", "x".repeat(65), "a:b")) {
            String answered = given().header("X-Request-Id", bad).get("/api/elections/e1").then().statusCode(200)
                    .extract().header("X-Request-Id");
            assertNotEquals(bad, answered);
            UUID.fromString(answered); // a new one was made
        }
    }
}
