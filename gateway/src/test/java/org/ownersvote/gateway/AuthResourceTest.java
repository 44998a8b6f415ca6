package org.ownersvote.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;
import org.ownersvote.platform.audit.AuditEntry;
import org.ownersvote.platform.security.Roles;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.smallrye.jwt.auth.principal.JWTParser;

@QuarkusTest
class AuthResourceTest {

    @Inject
    JWTParser parser;

    @Test
    void theFirstAdminLogsInAndGetsAShortLivedRs256Token() throws Exception {
        String token = login("admin", "test-root-passw0rd").then().statusCode(200)
                .body("tokenType", equalTo("Bearer"))
                .body("expiresIn", equalTo(900))
                .body("roles", contains("admin"))
                .extract().path("accessToken");

        JsonWebToken jwt = parser.parse(token);
        assertEquals("admin", jwt.getName());
        assertTrue(jwt.getGroups().contains(Roles.ADMIN));
        assertEquals("https://ownersvote.local/gateway", jwt.getIssuer());
        assertTrue(jwt.getAudience().contains("ownersvote"));
        assertTrue(jwt.getExpirationTime() - jwt.getIssuedAtTime() <= 900);
        var header = new ObjectMapper().readTree(
                Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))));
        assertEquals("RS256", header.path("alg").asText());
        assertEquals("k1", header.path("kid").asText());
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameAnswerAndAreAudited() {
        String wrongPassword = login("admin", "not-the-password-9").then().statusCode(401)
                .contentType("application/problem+json").extract().path("detail");
        String unknownUser = login("nobody-" + UUID.randomUUID(), "whatever-password-9").then().statusCode(401)
                .extract().path("detail");
        assertEquals(wrongPassword, unknownUser);
        long failures = QuarkusTransaction.requiringNew().call(() -> AuditEntry.forSubject("staff_account", "admin")
                .stream().filter(e -> e.action.equals("login.failed")).count());
        assertTrue(failures >= 1);
    }

    @Test
    void adminCreatesAWorkingGroupAccountWhoseTokenCarriesItsCommunity() throws Exception {
        UUID community = UUID.randomUUID();
        String username = "wg-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(adminToken()).contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", "zhenru2026gongzuo", "displayName", "换届改选小组",
                        "roles", List.of("working-group"), "communityId", community.toString()))
                .post("/api/admin/users")
                .then().statusCode(201)
                .body("username", equalTo(username))
                .body("roles", contains("working-group"));

        String token = login(username, "zhenru2026gongzuo").then().statusCode(200).extract().path("accessToken");
        assertEquals(community.toString(), parser.parse(token).getClaim("community_id"));
    }

    @Test
    void shouldRefuseAccountCreationByANonAdmin() {
        given().auth().oauth2(Logins.workingGroup(UUID.randomUUID()))
                .contentType(ContentType.JSON)
                .body(Map.of("username", "sneaky", "password", "zhenru2026gongzuo", "displayName", "x",
                        "roles", List.of("admin")))
                .post("/api/admin/users")
                .then().statusCode(403).contentType("application/problem+json");
        login("sneaky", "zhenru2026gongzuo").then().statusCode(401);
    }

    @Test
    void shouldRefuseAWeakPasswordAnUnknownRoleAndAMissingScope() {
        given().auth().oauth2(adminToken()).contentType(ContentType.JSON)
                .body(Map.of("username", "leader1", "password", "short1", "displayName", "x",
                        "roles", List.of("building-leader", "owner")))
                .post("/api/admin/users")
                .then().statusCode(422)
                .body("errors.field", hasItem("password"))
                .body("errors.message", hasItem("unknown staff role 'owner'"))
                .body("errors.field", hasItem("communityId"))
                .body("errors.field", hasItem("electionId"))
                .body("errors.field", hasItem("buildings"));
    }

    @Test
    void shouldRefuseATakenUsername() {
        Map<String, Object> body = Map.of("username", "twice", "password", "zhenru2026gongzuo", "displayName", "x",
                "roles", List.of("street-office"));
        given().auth().oauth2(adminToken()).contentType(ContentType.JSON).body(body).post("/api/admin/users")
                .then().statusCode(201);
        given().auth().oauth2(adminToken()).contentType(ContentType.JSON).body(body).post("/api/admin/users")
                .then().statusCode(409).body("type", equalTo("urn:ownersvote:problem:username-taken"));
    }

    @Test
    void shouldRefuseAMalformedLogin() {
        given().contentType(ContentType.JSON).body("{\"username\":\"admin\"").post("/api/auth/login")
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("username", "admin")).post("/api/auth/login")
                .then().statusCode(422).body("errors[0].field", equalTo("password"));
    }

    static final String CHINESE = "zh-CN,zh;q=0.9";

    @Test
    void aFailedSignInIsExplainedInTheCallersLanguage() {
        Map<String, String> body = Map.of("username", "nobody-" + UUID.randomUUID(), "password", "whatever-passw0rd");
        given().header("Accept-Language", CHINESE).header("X-Forwarded-For", Logins.address())
                .contentType(ContentType.JSON).body(body).post("/api/auth/login").then().statusCode(401)
                .body("type", equalTo("urn:ownersvote:problem:login-failed"))
                .body("title", equalTo("登录失败"))
                .body("detail", equalTo("用户名或密码不对，或者账号已停用"));
        given().header("X-Forwarded-For", Logins.address()).contentType(ContentType.JSON).body(body)
                .post("/api/auth/login").then().statusCode(401)
                .body("title", equalTo("Sign-in failed"))
                .body("detail", equalTo("Wrong username or password, or the account is disabled"));
        given().header("Accept-Language", CHINESE).contentType(ContentType.JSON)
                .body(Map.of("refreshToken", "not-a-token")).post("/api/auth/refresh").then().statusCode(401)
                .body("detail", equalTo("登录已失效（续期凭证无效、已过期或已撤销），请重新登录"));
    }

    @Test
    void anAccountThatCannotBeCreatedIsExplainedInChineseFieldByField() {
        Map<String, Object> body = Map.of("username", Logins.unique("leader"), "password", "short1",
                "displayName", "x", "roles", List.of("building-leader", "owner"));
        given().auth().oauth2(adminToken()).header("Accept-Language", CHINESE).contentType(ContentType.JSON)
                .body(body).post("/api/admin/users").then().statusCode(422)
                .body("title", equalTo("提交的内容有误"))
                .body("detail", equalTo("无法按所填内容创建账号，请按各项提示修改"))
                .body("errors.find { it.field == 'password' }.code", equalTo("password.too-short"))
                .body("errors.find { it.field == 'password' }.message", equalTo("至少要 10 个字符"))
                .body("errors.find { it.code == 'account.unknown-role' }.message", equalTo("“owner”不是工作人员的角色"))
                .body("errors.find { it.code == 'account.separation-of-duties' }.message", equalTo(
                        "一个选举账号只能担任楼长、计票人、监票人、总监票人中的一种角色，不能兼任其他角色（这些角色要互相监督）；"
                                + "这次填了楼长、业主：请为不同的人各建一个账号，每个账号一种角色"))
                .body("errors.find { it.field == 'communityId' }.code", equalTo("account.community-required"))
                .body("errors.find { it.field == 'communityId' }.message", equalTo("所填的角色（楼长、业主）须指定所属小区"))
                .body("errors.find { it.field == 'electionId' }.message", equalTo("所填的角色（楼长、业主）须指定所属选举"))
                .body("errors.find { it.field == 'buildings' }.code", equalTo("account.leader-needs-building"))
                .body("errors.find { it.field == 'buildings' }.message", equalTo("楼长至少要负责一个楼栋"));
        given().auth().oauth2(adminToken()).contentType(ContentType.JSON).body(body).post("/api/admin/users").then()
                .statusCode(422)
                .body("title", equalTo("Invalid request"))
                .body("detail", equalTo("The account cannot be created as requested"))
                .body("errors.find { it.field == 'password' }.message", equalTo("must be at least 10 characters"))
                .body("errors.find { it.field == 'communityId' }.message",
                        equalTo("required for the roles asked for (building leader, owner)"))
                .body("errors.find { it.field == 'buildings' }.message",
                        equalTo("a building leader needs at least one building"));
        given().auth().oauth2(adminToken()).header("Accept-Language", CHINESE).contentType(ContentType.JSON)
                .body(Map.of("username", "x!", "password", "zhenru2026gongzuo", "displayName", "x",
                        "roles", List.of("street-office")))
                .post("/api/admin/users").then().statusCode(422)
                .body("errors[0].field", equalTo("username"))
                .body("errors[0].code", equalTo("field.username-format"))
                .body("errors[0].message", equalTo("须为 3 至 64 个英文字母、数字或“.”“_”“-”"));
    }

    @Test
    void aTakenUsernameIsExplainedInTheCallersLanguage() {
        String username = Logins.unique("taken");
        Map<String, Object> body = Map.of("username", username, "password", "zhenru2026gongzuo", "displayName", "x",
                "roles", List.of("street-office"));
        given().auth().oauth2(adminToken()).contentType(ContentType.JSON).body(body).post("/api/admin/users")
                .then().statusCode(201);
        given().auth().oauth2(adminToken()).header("Accept-Language", CHINESE).contentType(ContentType.JSON)
                .body(body).post("/api/admin/users").then().statusCode(409)
                .body("title", equalTo("用户名已被占用"))
                .body("detail", equalTo("用户名“" + username + "”已被占用，请换一个"));
        given().auth().oauth2(adminToken()).contentType(ContentType.JSON).body(body).post("/api/admin/users")
                .then().statusCode(409)
                .body("title", equalTo("Username taken"))
                .body("detail", equalTo("The username '" + username + "' is taken"));
    }

    private static String adminToken() {
        return login("admin", "test-root-passw0rd").then().statusCode(200).extract().path("accessToken");
    }

    private static Response login(String username, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("username", username, "password", password))
                .post("/api/auth/login");
    }
}
