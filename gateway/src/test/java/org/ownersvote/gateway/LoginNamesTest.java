package org.ownersvote.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ownersvote.gateway.service.ElectionLogins;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Election accounts are named within their election (short name + the election's suffix), so a working group learns
 * nothing about accounts outside its own election when it picks a name.
 */
@QuarkusTest
class LoginNamesTest {

    @Test
    void theSameShortNameInTwoElectionsGivesTwoLoginNamesAndNoHintOfTheOther() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        String wgA = Logins.workingGroup(ElectionOwners.communityOf(a));
        String wgB = Logins.workingGroup(ElectionOwners.communityOf(b));
        String shortName = Logins.unique("zhang");

        String loginA = create(wgA, a, shortName, "张 A").then().statusCode(201).extract().path("username");
        String loginB = create(wgB, b, shortName, "张 B").then().statusCode(201).extract().path("username");
        assertEquals(shortName + "." + ElectionLogins.suffix(a, 8), loginA);
        assertEquals(shortName + "." + ElectionLogins.suffix(b, 8), loginB);
        assertNotEquals(loginA, loginB);
        // the 201's username is what the person signs in with
        Logins.accessToken(loginA, Logins.PASSWORD);
        Logins.login(shortName, Logins.PASSWORD, Logins.address()).then().statusCode(401);

        // a name is "taken" only inside the caller's own election, which it can list anyway
        create(wgA, a, shortName, "张 C").then().statusCode(409).body("type", containsString("username-taken"))
                .body("detail", containsString(loginA));
        given().auth().oauth2(wgA).get("/api/elections/" + a + "/staff").then().body("username", hasItem(loginA));
        // a platform-wide name an admin made does not block, nor is it revealed
        String adminMade = Logins.unique("li");
        given().auth().oauth2(Logins.admin()).contentType(ContentType.JSON)
                .body(Map.of("username", adminMade, "password", Logins.PASSWORD, "displayName", "街道 " + adminMade,
                        "roles", List.of("street-office")))
                .post("/api/admin/users").then().statusCode(201);
        create(wgA, a, adminMade, "李 D").then().statusCode(201)
                .body("username", equalTo(adminMade + "." + ElectionLogins.suffix(a, 8)));
    }

    @Test
    void anAdminCannotTakeANameOfAnElectionsNamespace() {
        UUID election = UUID.randomUUID();
        String wg = Logins.workingGroup(ElectionOwners.communityOf(election));
        create(wg, election, Logins.unique("wang"), "王 E").then().statusCode(201);
        given().auth().oauth2(Logins.admin()).contentType(ContentType.JSON)
                .body(Map.of("username", "wang." + ElectionLogins.suffix(election, 8), "password", Logins.PASSWORD,
                        "displayName", "x", "roles", List.of("street-office")))
                .post("/api/admin/users").then().statusCode(422).body("errors[0].field", equalTo("username"));
    }

    @Test
    void aSuffixAlreadyInUseGrowsUntilItIsFree() {
        UUID election = UUID.randomUUID();
        // an account an admin named by hand, before this election had any account, ends in its first suffix
        given().auth().oauth2(Logins.admin()).contentType(ContentType.JSON)
                .body(Map.of("username", "zhao." + ElectionLogins.suffix(election, 8), "password", Logins.PASSWORD,
                        "displayName", "x", "roles", List.of("street-office")))
                .post("/api/admin/users").then().statusCode(201);
        String wg = Logins.workingGroup(ElectionOwners.communityOf(election));
        String shortName = Logins.unique("zhao");
        create(wg, election, shortName, "赵 F").then().statusCode(201)
                .body("username", equalTo(shortName + "." + ElectionLogins.suffix(election, 10)));
        // and stays that election's suffix
        String second = Logins.unique("qian");
        create(wg, election, second, "钱 G").then().statusCode(201)
                .body("username", equalTo(second + "." + ElectionLogins.suffix(election, 10)));
    }

    private static Response create(String wg, UUID election, String shortName, String displayName) {
        return given().auth().oauth2(wg).contentType(ContentType.JSON)
                .body(Map.of("username", shortName, "password", Logins.PASSWORD, "displayName", displayName,
                        "roles", List.of("counter")))
                .post("/api/elections/" + election + "/staff");
    }
}
