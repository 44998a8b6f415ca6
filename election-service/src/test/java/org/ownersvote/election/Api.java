package org.ownersvote.election;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.UUID;

import org.ownersvote.platform.security.Roles;
import org.ownersvote.platform.testing.TestTokens;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Requests as the test's actors make them. */
final class Api {

    private Api() {
    }

    static String admin() {
        return TestTokens.as("admin", Roles.ADMIN).token();
    }

    static String workingGroup(UUID communityId) {
        return TestTokens.as("wg-" + communityId.toString().substring(0, 8), Roles.WORKING_GROUP)
                .community(communityId).token();
    }

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).log().ifValidationFails();
    }

    static UUID createCommunity(String name) {
        String id = as(admin()).body(Map.of("name", name, "district", "普陀区", "street", "真如镇街道"))
                .post("/api/communities").then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }

    static Map<String, Object> electionBody(UUID communityId) {
        return Map.of("communityId", communityId.toString(), "title", "第一届业主委员会选举", "rulePack", "CN-2021",
                "seats", 5, "alternates", 2, "votingDays", 14);
    }

    static UUID createElection(UUID communityId) {
        String id = as(workingGroup(communityId)).body(electionBody(communityId))
                .post("/api/elections").then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }
}
