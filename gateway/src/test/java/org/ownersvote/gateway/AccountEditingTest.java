package org.ownersvote.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * A building leader's buildings come from the roster (election-service's list, here {@link ElectionOwners#BUILDINGS}),
 * and the working group corrects its election's accounts: display name and buildings, nothing else, nobody else's.
 */
@QuarkusTest
class AccountEditingTest {

    @Test
    void aLeadersBuildingsMustBeOnTheRosterAndAreKeptAsTheRosterSpellsThem() {
        UUID election = UUID.randomUUID();
        String wg = Logins.workingGroup(ElectionOwners.communityOf(election));
        given().auth().oauth2(wg).header("Accept-Language", "zh-CN").contentType(ContentType.JSON)
                .body(leader("1号楼1号楼", "2号楼")).post("/api/elections/" + election + "/staff").then()
                .statusCode(422)
                .body("errors[0].field", equalTo("buildings"))
                .body("errors[0].code", equalTo("account.building-not-on-roster"))
                .body("errors[0].message", equalTo("名册中没有：1号楼1号楼；请从名册的楼栋列表中选择"));
        given().auth().oauth2(wg).contentType(ContentType.JSON).body(leader("１号楼 ", "10号楼"))
                .post("/api/elections/" + election + "/staff").then().statusCode(201)
                .body("buildings", equalTo(List.of("1号楼", "10号楼")));
    }

    @Test
    void theWorkingGroupCorrectsAnAccountAndAChangeOfBuildingsEndsItsSessions() {
        UUID election = UUID.randomUUID();
        String wg = Logins.workingGroup(ElectionOwners.communityOf(election));
        Map<String, Object> created = given().auth().oauth2(wg).contentType(ContentType.JSON).body(leader("1号楼"))
                .post("/api/elections/" + election + "/staff").then().statusCode(201).extract().as(Map.class);
        String id = (String) created.get("id");
        String leaderToken = Logins.accessToken((String) created.get("username"), Logins.PASSWORD);
        given().auth().oauth2(leaderToken).get("/api/elections/" + election + "/ballots/worklist?building=1号楼")
                .then().statusCode(200);

        given().auth().oauth2(wg).contentType(ContentType.JSON)
                .body(Map.of("displayName", "楼长 王五", "buildings", List.of("2号楼", "不存在的楼")))
                .put("/api/staff/" + id).then().statusCode(422)
                .body("errors[0].code", equalTo("account.building-not-on-roster"));
        given().auth().oauth2(wg).contentType(ContentType.JSON)
                .body(Map.of("displayName", "楼长 王五", "buildings", List.of("2号楼", "地下车库")))
                .put("/api/staff/" + id).then().statusCode(200)
                .body("displayName", equalTo("楼长 王五"))
                .body("buildings", equalTo(List.of("2号楼", "地下车库")));
        // the old token named 1号楼: it stops at once, the leader signs in again with the new buildings
        given().auth().oauth2(leaderToken).get("/api/elections/" + election + "/ballots/worklist?building=1号楼")
                .then().statusCode(401);
        Logins.login((String) created.get("username"), Logins.PASSWORD, Logins.address()).then().statusCode(200)
                .body("accessToken", Matchers.notNullValue());
    }

    @Test
    void nobodyElseChangesAnAccountAndNothingChanges() {
        UUID election = UUID.randomUUID();
        String wg = Logins.workingGroup(ElectionOwners.communityOf(election));
        String id = given().auth().oauth2(wg).contentType(ContentType.JSON).body(leader("1号楼"))
                .post("/api/elections/" + election + "/staff").then().statusCode(201).extract().path("id");
        Map<String, Object> change = Map.of("displayName", "改名", "buildings", List.of("2号楼"));
        // another community's working group does not even see it; a counter of the election may not change it
        String otherWg = Logins.workingGroup(UUID.randomUUID());
        given().auth().oauth2(otherWg).contentType(ContentType.JSON).body(change).put("/api/staff/" + id).then()
                .statusCode(404);
        String counter = Logins.accessToken(Logins.electionAccount(wg, election, "counter"), Logins.PASSWORD);
        given().auth().oauth2(counter).contentType(ContentType.JSON).body(change).put("/api/staff/" + id).then()
                .statusCode(403);
        given().contentType(ContentType.JSON).body(change).put("/api/staff/" + id).then().statusCode(401);
        given().auth().oauth2(wg).get("/api/elections/" + election + "/staff").then().statusCode(200)
                .body("find { it.id == '" + id + "' }.buildings", equalTo(List.of("1号楼")))
                .body("find { it.id == '" + id + "' }.displayName", equalTo("楼长 张三"));
    }

    private static Map<String, Object> leader(String... buildings) {
        return Map.of("username", Logins.unique("lz"), "password", Logins.PASSWORD, "displayName", "楼长 张三",
                "roles", List.of("building-leader"), "buildings", List.of(buildings));
    }
}
