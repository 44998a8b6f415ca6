package org.ownersvote.election;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.ownersvote.election.domain.Phase;
import org.ownersvote.election.service.roster.RosterFileXlsxTest;
import org.ownersvote.events.EventCodec;
import org.ownersvote.events.election.ElectorateChunk;
import org.ownersvote.events.election.ElectorateDigest;
import org.ownersvote.events.election.ElectoratePublished;
import org.ownersvote.platform.outbox.OutboxEvent;
import org.ownersvote.platform.security.Roles;
import org.ownersvote.platform.testing.TestTokens;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
class RosterResourceTest {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Test
    void theSampleRosterImportsWithItsElectorate() {
        UUID community = Api.createCommunity("真如佳苑");
        Api.as(Api.workingGroup(community)).contentType("text/csv").body(sample().getBytes(StandardCharsets.UTF_8))
                .put("/api/communities/" + community + "/roster")
                .then().statusCode(200)
                .body("units", equalTo(900))
                .body("changes.added", equalTo(900))
                .body("electorate.countedUnits", equalTo(860))
                .body("electorate.area", equalTo(86566.89f))
                .body("electorate.headcount", equalTo(806));
        Api.as(Api.workingGroup(community)).get("/api/communities/" + community + "/electorate?rulePack=SH-2020")
                .then().statusCode(200).body("headcount", equalTo(806)).body("rulePack", equalTo("SH-2020"));
    }

    @Test
    void theBuildingsAreListedInNaturalOrderAndTheRosterSearchedByUnitOrOwner() {
        UUID community = Api.createCommunity("楼栋小区");
        Api.as(Api.workingGroup(community)).contentType("text/csv").body(sample().getBytes(StandardCharsets.UTF_8))
                .put("/api/communities/" + community + "/roster").then().statusCode(200);
        Api.as(Api.workingGroup(community)).get("/api/communities/" + community + "/roster/buildings")
                .then().statusCode(200)
                .body("building", equalTo(List.of("1号楼", "2号楼", "3号楼", "4号楼", "5号楼", "6号楼", "7号楼", "8号楼",
                        "9号楼", "10号楼", "11号楼", "12号楼", "13号楼", "14号楼", "商业街", "地下车库")))
                .body("[0].units", equalTo(72)).body("[9].units", equalTo(44));
        Api.as(Api.workingGroup(community)).queryParam("q", "顾建然")
                .get("/api/communities/" + community + "/roster").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].unit", equalTo("102"))
                .body("items[0].building", equalTo("1号楼"));
        Api.as(Api.workingGroup(community)).queryParam("q", "%")
                .get("/api/communities/" + community + "/roster").then().statusCode(200).body("total", equalTo(0));
        Api.as(Api.workingGroup(UUID.randomUUID())).get("/api/communities/" + community + "/roster/buildings")
                .then().statusCode(403);
    }

    @Test
    void anXlsxWorkbookImportsLikeTheCsv() throws IOException {
        UUID community = Api.createCommunity("表格小区");
        Api.as(Api.workingGroup(community)).contentType(XLSX).body(RosterFileXlsxTest.sampleAsXlsx())
                .put("/api/communities/" + community + "/roster")
                .then().statusCode(200).body("electorate.headcount", equalTo(806))
                .body("electorate.area", equalTo(86566.89f));
    }

    /**
     * A bad roster is refused whole, every row listed, each in the caller's language ("第 4 行 专有部分面积：必须大于
     * 0") with a stable code.
     */
    @Test
    void aBadRosterIsRefusedWholeWithEveryRowListedInTheCallersLanguage() {
        UUID community = Api.createCommunity("错误小区");
        String csv = "building,unit,kind,area_m2,owners,owner_ref,phone,developer_held\n"
                + "1,101,residence,80.00,王,P1,,false\n"
                + "1,101,residence,80.00,李,P2,,false\n"
                + "1,102,castle,0,赵,P3,12,false\n";
        List<String> codes = List.of("roster.unit-duplicate", "roster.kind-unknown", "roster.area-not-positive",
                "roster.phone-invalid");
        putCsv(community, csv, "zh-CN,zh;q=0.9").statusCode(422).contentType("application/problem+json")
                .body("title", equalTo("提交的内容有误"))
                .body("detail", equalTo("名册中有 4 处问题，本次没有导入任何内容"))
                .body("errors.row", equalTo(List.of(3, 4, 4, 4)))
                .body("errors.field", equalTo(List.of("unit", "kind", "area_m2", "phone")))
                .body("errors.code", equalTo(codes))
                .body("errors.message", equalTo(List.of(
                        "第 3 行 单元/房号：房屋 1 101 重复（第 2 行已有）",
                        "第 4 行 房屋类型：无法识别“castle”；请填写 residence（住宅）、shop（商铺）、parking（车位）或 other（其他）",
                        "第 4 行 专有部分面积：必须大于 0",
                        "第 4 行 手机号码：“12”不是有效的手机号码；手机号码是以 1 开头的 11 位数字")));
        putCsv(community, csv, null).statusCode(422)
                .body("title", equalTo("Invalid request"))
                .body("detail", equalTo("4 problem(s) in the roster; nothing was imported"))
                .body("errors.code", equalTo(codes))
                .body("errors.message", equalTo(List.of(
                        "Row 3, unit: duplicate unit 1 101 (already on row 2)",
                        "Row 4, kind: unknown kind 'castle'; use residence, shop, parking or other",
                        "Row 4, area in m²: must be greater than 0",
                        "Row 4, phone: bad phone '12': a mobile number has 11 digits and starts with 1")));
        Api.as(Api.workingGroup(community)).get("/api/communities/" + community + "/roster")
                .then().statusCode(200).body("total", equalTo(0));
    }

    /** A file that is no roster at all is refused in the caller's language too. */
    @Test
    void anUnreadableFileIsRefusedInTheCallersLanguage() {
        UUID community = Api.createCommunity("中文坏文件小区");
        String csv = "building,unit,kind,area_m2,owners,owner_ref,phone,developer_held\n"
                + "1号楼,\"102,residence,90.00,李,P2,,false\n";
        putCsv(community, csv, "zh-CN,zh;q=0.9").statusCode(422)
                .body("title", equalTo("名册文件无法读取"))
                .body("detail", equalTo("文件不是有效的 CSV：从第 2 行开始的带引号内容没有结束（缺少后面的英文双引号 \"）"))
                .body("errors[0].field", equalTo("file"))
                .body("errors[0].code", equalTo("roster.csv-quote-not-closed"));
        putCsv(community, csv, null).statusCode(422)
                .body("title", equalTo("Unreadable roster"))
                .body("detail", equalTo("The file is not valid CSV: the quoted field that starts on line 2 is never "
                        + "closed (a closing \" is missing)"))
                .body("errors[0].code", equalTo("roster.csv-quote-not-closed"));
    }

    @Test
    void reImportingBeforeTheFreezeReplacesTheRosterAndSaysWhatChanged() {
        UUID community = Api.createCommunity("重导小区");
        String header = "building,unit,kind,area_m2,owners,owner_ref,phone,developer_held\n";
        importCsv(community, header + "1,101,residence,80.00,王,P1,,false\n1,102,residence,90.00,李,P2,,false\n");
        Api.as(Api.workingGroup(community)).contentType("text/csv")
                .body(header + "1,101,residence,80.50,王,P1,,false\n1,103,shop,30.00,赵,P3,,false\n")
                .put("/api/communities/" + community + "/roster")
                .then().statusCode(200)
                .body("changes.addedUnits", equalTo(List.of("1 103")))
                .body("changes.removedUnits", equalTo(List.of("1 102")))
                .body("changes.changedUnits", equalTo(List.of("1 101")));
    }

    @Test
    void theRosterIsPagedFilteredByBuildingAndMasksPhonesForOversight() {
        UUID community = Api.createCommunity("分页小区");
        importCsv(community, sample());
        Api.as(Api.workingGroup(community)).queryParam("building", "1号楼").queryParam("size", 10)
                .get("/api/communities/" + community + "/roster")
                .then().statusCode(200).body("items", hasSize(10))
                .body("items.building", everyItem(equalTo("1号楼")))
                .body("items.phone", everyItem(matchesPattern("1\\d{10}")))
                // natural order (platform NaturalOrder, SQL natural_key): unit 101 before 1001
                .body("items.unit", equalTo(List.of("101", "102", "103", "104", "201", "202", "203", "204", "301",
                        "302")));
        List<String> buildings = new ArrayList<>();
        for (int page = 0; page < 2; page++) {
            List<String> onPage = Api.as(Api.workingGroup(community)).queryParam("size", 500).queryParam("page", page)
                    .get("/api/communities/" + community + "/roster").then().statusCode(200).extract()
                    .path("items.building");
            onPage.stream().filter(b -> buildings.isEmpty() || !buildings.get(buildings.size() - 1).equals(b))
                    .forEach(buildings::add);
        }
        assertEquals(List.of("1号楼", "2号楼", "3号楼", "4号楼", "5号楼", "6号楼", "7号楼", "8号楼", "9号楼", "10号楼",
                "11号楼", "12号楼", "13号楼", "14号楼", "商业街", "地下车库"), buildings, "10号楼 after 9号楼, across pages");
        Api.as(TestTokens.as("street", Roles.STREET_OFFICE).oversees(community).token())
                .queryParam("size", 5).get("/api/communities/" + community + "/roster")
                .then().statusCode(200)
                .body("items.phone", everyItem(matchesPattern("1\\d\\d\\*\\*\\*\\*\\d{4}")));
        Api.as(Api.workingGroup(community)).queryParam("size", 501).get("/api/communities/" + community + "/roster")
                .then().statusCode(422);
    }

    @Test
    void anotherCommunitysWorkingGroupCannotReadOrChangeTheRoster() {
        UUID community = Api.createCommunity("本小区");
        importCsv(community, sample());
        String foreign = Api.workingGroup(UUID.randomUUID());
        Api.as(foreign).get("/api/communities/" + community + "/roster").then().statusCode(403);
        Api.as(foreign).get("/api/communities/" + community + "/electorate").then().statusCode(403);
        Api.as(foreign).contentType("text/csv").body("x").put("/api/communities/" + community + "/roster")
                .then().statusCode(403);
        Api.as(foreign).body(Map.of("building", "1号楼", "unit", "101", "change", "REMOVE", "reason", "x"))
                .post("/api/communities/" + community + "/roster/amendments").then().statusCode(403);
        Api.as(TestTokens.as("leader", Roles.BUILDING_LEADER).community(community).token())
                .get("/api/communities/" + community + "/roster").then().statusCode(403);
        Api.as(Api.workingGroup(community)).get("/api/communities/" + community + "/roster")
                .then().body("total", equalTo(900));
    }

    @Test
    void anOversizedUploadIsRefusedWith413BeforeItIsRead() {
        UUID community = Api.createCommunity("超大小区");
        byte[] tooBig = new byte[16 * 1024 * 1024 + 1];
        Arrays.fill(tooBig, (byte) 'a');
        Api.as(Api.workingGroup(community)).contentType("text/csv").body(tooBig)
                .put("/api/communities/" + community + "/roster")
                .then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void nominationFreezesTheRosterAndPublishesTheElectorateInHashedChunks() {
        UUID community = Api.createCommunity("冻结小区");
        UUID election = Api.createElection(community);
        Api.as(Api.workingGroup(community)).body(Map.of("to", "NOMINATION"))
                .post("/api/elections/" + election + "/transitions")
                .then().statusCode(409).body("detail", Matchers.containsString(
                        "the roster must be imported before nomination opens"));
        importCsv(community, sample());
        Api.as(Api.workingGroup(community)).body(Map.of("to", "NOMINATION"))
                .post("/api/elections/" + election + "/transitions")
                .then().statusCode(200).body("phase", equalTo("NOMINATION")).body("frozen", equalTo(true))
                .body("electorate.headcount", equalTo(806));

        List<OutboxEvent> events = QuarkusTransaction.requiringNew()
                .call(() -> OutboxEvent.<OutboxEvent>list("recordKey = ?1 order by id", election.toString()));
        ElectoratePublished summary = payload(events, "election.electorate-published.v1", ElectoratePublished.class)
                .get(0);
        assertEquals(806, summary.headcount());
        assertEquals(new BigDecimal("86566.89"), summary.totalArea());
        List<ElectorateChunk> chunks = payload(events, "election.electorate-chunk.v1", ElectorateChunk.class);
        assertEquals(summary.chunkCount(), chunks.size());
        List<ElectorateChunk.Unit> units = chunks.stream().flatMap(c -> c.units().stream()).toList();
        assertEquals(900, units.size());
        assertEquals(summary.unitsHash(), ElectorateDigest.units(units));
        assertTrue(events.stream().noneMatch(e -> e.eventType.equals("election.electorate-chunk.v1")
                && (e.payload.contains("17009790625") || e.payload.contains("P0000001"))),
                "no phone numbers or registry numbers go to ballot-service");

        // frozen: a re-import is refused and changes nothing; an amendment is recorded and republished
        Api.as(Api.workingGroup(community)).contentType("text/csv").body(sample().getBytes(StandardCharsets.UTF_8))
                .put("/api/communities/" + community + "/roster").then().statusCode(409)
                .body("type", equalTo("urn:ownersvote:problem:roster-frozen"));
        Api.as(Api.workingGroup(community))
                .body(Map.of("building", "1号楼", "unit", "101", "change", "UPDATE", "reason", "过户给新业主",
                        "owners", "新业主", "ownerRef", "P9999999", "areaM2", "100.00"))
                .post("/api/communities/" + community + "/roster/amendments")
                .then().statusCode(201).body("change", equalTo("UPDATE"))
                .body("after", Matchers.containsString("P9999999"));
        long versions = QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count(
                "recordKey = ?1 and eventType = 'election.electorate-published.v1'", election.toString()));
        assertEquals(2, versions, "the amendment publishes the electorate again");
        Api.as(Api.workingGroup(community)).get("/api/elections/" + election)
                .then().body("electorate.area", equalTo(86578.92f)) // 87.97 m² became 100.00 m²
                .body("electorate.headcount", equalTo(806)); // one owner replaced by another

        // once voting has opened not even an amendment may change the roster
        QuarkusTransaction.requiringNew().run(() -> Election.<Election>findById(election).phase = Phase.VOTING);
        Api.as(Api.workingGroup(community))
                .body(Map.of("building", "1号楼", "unit", "102", "change", "REMOVE", "reason", "错误"))
                .post("/api/communities/" + community + "/roster/amendments")
                .then().statusCode(409).body("type", equalTo("urn:ownersvote:problem:voting-opened"));
    }

    @Test
    void anAmendmentNeedsAFrozenRosterAndAValidUnit() {
        UUID community = Api.createCommunity("修正小区");
        importCsv(community, sample());
        Api.as(Api.workingGroup(community))
                .body(Map.of("building", "1号楼", "unit", "101", "change", "REMOVE", "reason", "x"))
                .post("/api/communities/" + community + "/roster/amendments")
                .then().statusCode(409).body("type", equalTo("urn:ownersvote:problem:roster-not-frozen"));
        UUID election = Api.createElection(community);
        Api.as(Api.workingGroup(community)).body(Map.of("to", "NOMINATION"))
                .post("/api/elections/" + election + "/transitions").then().statusCode(200);
        Api.as(Api.workingGroup(community))
                .body(Map.of("building", "1号楼", "unit", "101", "change", "UPDATE", "reason", "x", "areaM2", "-1"))
                .post("/api/communities/" + community + "/roster/amendments")
                .then().statusCode(422).body("errors.field", hasItem("area_m2"));
    }

    /** Uploads a roster as the working group, with an Accept-Language header unless {@code language} is null. */
    private static ValidatableResponse putCsv(UUID community, String csv, String language) {
        RequestSpecification request = Api.as(Api.workingGroup(community));
        if (language != null) {
            request = request.header("Accept-Language", language);
        }
        return request.contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                .put("/api/communities/" + community + "/roster").then();
    }

    private static void importCsv(UUID community, String csv) {
        Api.as(Api.workingGroup(community)).contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                .put("/api/communities/" + community + "/roster").then().statusCode(200);
    }

    private static <T extends Record> List<T> payload(List<OutboxEvent> events, String type, Class<T> payloadClass) {
        return events.stream().filter(e -> e.eventType.equals(type))
                .map(e -> EventCodec.readPayload(EventCodec.readEnvelope(e.payload), payloadClass)).toList();
    }

    static String sample() {
        try (InputStream in = RosterResourceTest.class.getResourceAsStream("/rosters/zhenru-jiayuan-900.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
