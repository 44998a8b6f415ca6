package org.ownersvote.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ownersvote.gateway.service.AccountService;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Separation of duties at the account level: an election account holds exactly one of the roles that check each
 * other, never with the working-group role, and one person (by display name) has one enabled account per election.
 */
@QuarkusTest
class SeparationOfDutiesTest {

    static final String PASSWORD = Logins.PASSWORD;

    @ParameterizedTest
    @ValueSource(strings = { "counter,scrutineer", "counter,chief-scrutineer", "building-leader,counter",
            "scrutineer,chief-scrutineer", "building-leader,scrutineer" })
    void aWorkingGroupCannotGiveOneAccountTwoCheckingRoles(String pair) {
        UUID election = UUID.randomUUID();
        String wg = Logins.workingGroup(ElectionOwners.communityOf(election));
        String shortName = Logins.unique("two");
        Map<String, Object> body = new HashMap<>(Map.of("username", shortName, "password", PASSWORD,
                "displayName", "一人两职", "roles", List.of(pair.split(","))));
        body.put("buildings", List.of("1号楼"));
        given().auth().oauth2(wg).contentType(ContentType.JSON).body(body)
                .post("/api/elections/" + election + "/staff").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("roles"))
                .body("errors.message", hasItem(containsString("exactly one of")));
        given().auth().oauth2(wg).get("/api/elections/" + election + "/staff").then().statusCode(200)
                .body("username", everyItem(not(containsString(shortName))));
    }

    @ParameterizedTest
    @ValueSource(strings = { "working-group,counter", "counter,scrutineer", "counter,chief-scrutineer",
            "building-leader,counter", "admin,scrutineer", "street-office,chief-scrutineer" })
    void anAdminCannotEither(String roles) {
        String username = Logins.unique("mixed");
        given().auth().oauth2(Logins.admin()).contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", PASSWORD, "displayName", "混合角色",
                        "roles", List.of(roles.split(",")), "communityId", UUID.randomUUID().toString(),
                        "electionId", UUID.randomUUID().toString(), "buildings", List.of("1号楼")))
                .post("/api/admin/users").then().statusCode(422)
                .body("errors.field", hasItem("roles"));
        Logins.login(username, PASSWORD, Logins.address()).then().statusCode(401);
    }

    @Test
    void onePersonHasOneEnabledAccountPerElection() {
        UUID election = UUID.randomUUID();
        String wg = Logins.workingGroup(ElectionOwners.communityOf(election));
        String counterId = create(wg, election, "张伟 Wei", "counter").then().statusCode(201).extract().path("id");

        // the same name after NFKC (full-width letters, ideographic space), without spaces and case-folded
        for (String role : List.of("scrutineer", "chief-scrutineer", "counter")) {
            create(wg, election, "张　伟ＷＥＩ", role).then().statusCode(422)
                    .body("errors[0].field", equalTo("displayName"))
                    .body("errors[0].message", containsString("one person"));
        }
        // another election's accounts do not count; another name does not either
        UUID other = UUID.randomUUID();
        create(Logins.workingGroup(ElectionOwners.communityOf(other)), other, "张伟 Wei", "scrutineer").then()
                .statusCode(201);
        create(wg, election, "张伟文", "scrutineer").then().statusCode(201);
        // once the first account is disabled, the person may be given another role
        given().auth().oauth2(wg).post("/api/staff/" + counterId + "/disable").then().statusCode(200);
        create(wg, election, "张伟wei", "chief-scrutineer").then().statusCode(201);
    }

    @Test
    void aWorkingGroupMemberCannotAlsoBeTheElectionsCounter() {
        UUID election = UUID.randomUUID();
        UUID community = ElectionOwners.communityOf(election);
        String wgName = Logins.unique("wg");
        given().auth().oauth2(Logins.admin()).contentType(ContentType.JSON)
                .body(Map.of("username", wgName, "password", PASSWORD, "displayName", "李娜",
                        "roles", List.of("working-group"), "communityId", community.toString()))
                .post("/api/admin/users").then().statusCode(201);
        String wg = Logins.accessToken(wgName, PASSWORD);
        create(wg, election, "李 娜", "counter").then().statusCode(422).body("errors[0].field", equalTo("displayName"));
    }

    @Test
    void personKeysCompareNamesAsTheSamePersonWouldBeWritten() {
        assertEquals(AccountService.personKey("Zhang Wei"), AccountService.personKey("ＺＨＡＮＧ\u3000wei"));
        assertEquals("张伟", AccountService.personKey(" 张 伟 "));
    }

    private static Response create(String wg, UUID election, String displayName, String role) {
        return given().auth().oauth2(wg).contentType(ContentType.JSON)
                .body(Map.of("username", Logins.unique("p"), "password", PASSWORD, "displayName", displayName,
                        "roles", List.of(role)))
                .post("/api/elections/" + election + "/staff");
    }
}
