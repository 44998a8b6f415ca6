package org.ownersvote.election;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ownersvote.events.EventCodec;
import org.ownersvote.events.election.CandidateDecided;
import org.ownersvote.platform.outbox.OutboxEvent;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 15 (red team): one home must be one unit however its label is written, what no text may hold is refused
 * row by row, and personal data never reaches the log.
 */
@QuarkusTest
class RosterIdentityTest {

    private static final String HEADER = "building,unit,kind,area_m2,owners,owner_ref,phone,developer_held\n";
    private static final String SECRET_NAME = "欧阳秘密";
    private static final String SECRET_PHONE = "13912345678";

    @Inject
    DataSource dataSource;

    private final List<String> logged = Collections.synchronizedList(new ArrayList<>());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            StringBuilder line = new StringBuilder(String.valueOf(record.getMessage()));
            if (record.getParameters() != null) {
                for (Object parameter : record.getParameters()) {
                    line.append(' ').append(parameter);
                }
            }
            for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
                line.append(' ').append(t);
                if (t instanceof SQLException sql && sql.getNextException() != null) {
                    line.append(' ').append(sql.getNextException());
                }
            }
            logged.add(line.toString());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureTheLog() {
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        Logger.getLogger("").removeHandler(capture);
    }

    @Test
    void lookAlikeUnitsAreRefusedWithEveryRowListedAndNothingImported() {
        UUID community = Api.createCommunity("相似小区");
        String csv = HEADER
                + "1号楼,101,residence,80.00,王,P1,,false\n"
                + "1号楼,101\u200B,residence,80.00,王,P1,,false\n"
                + "１号楼,１０１,residence,80.00,王,P1,,false\n"
                + "1号\u00AD楼,101,residence,80.00,王,P1,,false\n"
                + "A座,B-1,residence,80.00,李,P2,,false\n"
                + "a座,b—1,residence,80.00,李,P2,,false\n";
        Api.as(Api.workingGroup(community)).contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                .put("/api/communities/" + community + "/roster")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.row", equalTo(List.of(3, 4, 5, 7)))
                .body("errors.field", equalTo(List.of("unit", "unit", "unit", "unit")))
                .body("errors[0].message", equalTo("Row 3, unit: duplicate unit 1号楼 101 (already on row 2)"))
                .body("errors[3].message", containsString("looks the same as unit A座 B-1 on row 6"));
        Api.as(Api.workingGroup(community)).get("/api/communities/" + community + "/roster")
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void theNormalFormIsStoredAndServed() {
        UUID community = Api.createCommunity("规范小区");
        Api.as(Api.workingGroup(community)).contentType("text/csv").body((HEADER
                + "\uFEFF１号楼\u200B,１０１\u3000,residence,８７.９７,方\u200B杰,Ｐ１,１７００９７９０６２５,false\n")
                .getBytes(StandardCharsets.UTF_8))
                .put("/api/communities/" + community + "/roster").then().statusCode(200);
        Api.as(Api.workingGroup(community)).get("/api/communities/" + community + "/roster").then()
                .body("items[0].building", equalTo("1号楼")).body("items[0].unit", equalTo("101"))
                .body("items[0].owners", equalTo("方杰")).body("items[0].phone", equalTo("17009790625"));
    }

    @Test
    void nulBytesAHugeAreaAndAHugeNameAreRowErrorsAndNothingPersonalIsLogged() {
        UUID community = Api.createCommunity("恶意小区");
        String csv = HEADER
                + "1号楼,101,residence,80.00," + SECRET_NAME + "\u0000,P1," + SECRET_PHONE + ",false\n"
                + "1号楼,102,residence,1234567890123456789012345678901234567890," + SECRET_NAME + ",P2,"
                + SECRET_PHONE + ",false\n"
                + "1号楼,103,residence,80.00," + "王".repeat(350_000) + ",P3,,false\n"
                + "1号楼,104,residence,80.00,\u202E" + SECRET_NAME + ",P4,,false\n";
        Api.as(Api.workingGroup(community)).contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                .put("/api/communities/" + community + "/roster")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.row", equalTo(List.of(2, 3, 4, 5)))
                .body("errors.field", equalTo(List.of("owners", "area_m2", "owners", "owners")))
                .body("errors[1].message",
                        equalTo("Row 3, area in m²: 1234567890123456789012345678901234567890 is too large: at "
                                + "most 9999999999.99 m²"))
                .body("errors[2].message", equalTo("Row 4, owners: is 350000 characters long; at most 200 fit"));
        Api.as(Api.workingGroup(community)).get("/api/communities/" + community + "/roster")
                .then().body("total", equalTo(0));
        assertNothingPersonalLogged();
    }

    @Test
    void malformedFilesAreDescribedWithoutLibraryNames() {
        UUID community = Api.createCommunity("坏文件小区");
        Api.as(Api.workingGroup(community)).contentType("text/csv")
                .body((HEADER + "1号楼,101,residence,80.00,王,P1,,false\n1号楼,\"102\"x,residence,1,李,P2,,false\n")
                        .getBytes(StandardCharsets.UTF_8))
                .put("/api/communities/" + community + "/roster")
                .then().statusCode(422).body("detail", equalTo("The file is not valid CSV: line 3 has characters "
                        + "after the closing quote of a field; inside a quoted field write a quote as \"\""));
        Api.as(Api.workingGroup(community)).contentType(RosterResourceTest.XLSX)
                .body("PK\u0003\u0004 not a workbook".getBytes(StandardCharsets.ISO_8859_1))
                .put("/api/communities/" + community + "/roster")
                .then().statusCode(422).body("detail", containsString("Not a readable .xlsx file"))
                .body("detail", not(containsString("Exception"))).body("detail", not(containsString("org.")));
    }

    @Test
    void storedLookAlikesAreFoundByAmendmentsAndNominationsAndCandidateNamesArePublishedNormalised() throws Exception {
        UUID community = Api.createCommunity("旧数据小区");
        String wg = Api.workingGroup(community);
        Api.as(wg).contentType("text/csv").body((HEADER
                + "1号楼,101,residence,80.00,方杰,P1,,false\n"
                + "1号楼,102,residence,90.00,顾建然,P2,,false\n"
                + "A座,A-1,residence,70.00,王五,P3,,false\n").getBytes(StandardCharsets.UTF_8))
                .put("/api/communities/" + community + "/roster").then().statusCode(200);
        // rows as an import before issue 15 stored them: invisible characters, a dash variant, one home twice
        insertAsBefore(community, "1号楼", "101\u200B", "方\u200B杰", "P9");
        insertAsBefore(community, "1号楼", "103\u200B", "李\u200B四", "P4");
        insertAsBefore(community, "A座", "A–1", "赵六", "P8");
        UUID election = Api.createElection(community);
        Api.as(wg).body(Map.of("to", "NOMINATION")).post("/api/elections/" + election + "/transitions")
                .then().statusCode(200);
        String nominations = "/api/elections/" + election + "/nominations";

        // the nominee's unit written plainly finds the stored look-alike; the name is the roster's, normalised
        String candidate = Api.as(wg).body(nomination("1号楼", "１０３", "李四\u200B", "1号楼", "102"))
                .post(nominations).then().statusCode(201).body("name", equalTo("李四"))
                .body("unit", equalTo("103\u200B")).extract().path("id");
        Api.as(wg).body(nomination("1号楼", "103", "\u202E李四", "1号楼", "102")).post(nominations)
                .then().statusCode(422).body("errors[0].field", equalTo("name"))
                .body("errors[0].message", containsString("text-direction control U+202E"));
        // two stored units look like "a-1": only the exact text names one
        Api.as(wg).body(nomination("1号楼", "103", "李四", "a座", "a-1")).post(nominations)
                .then().statusCode(422).body("errors[0].field", equalTo("nominators"))
                .body("errors[0].message", containsString("Several units on the roster look like a座 a-1"));
        Api.as(wg).body(nomination("1号楼", "103", "李四", "A座", "A–1")).post(nominations)
                .then().statusCode(200).body("id", equalTo(candidate)).body("nominators", equalTo(2));

        Api.as(wg).body(Map.of("decision", "APPROVED"))
                .post("/api/elections/" + election + "/candidates/" + candidate + "/review").then().statusCode(200);
        CandidateDecided decided = QuarkusTransaction.requiringNew().call(() -> OutboxEvent.<OutboxEvent>list(
                "recordKey = ?1 and eventType = 'election.candidate-decided.v1'", election.toString())).stream()
                .map(e -> EventCodec.readPayload(EventCodec.readEnvelope(e.payload), CandidateDecided.class))
                .findFirst().orElseThrow();
        assertEquals("李四", decided.name());

        // amendments: a look-alike of a stored unit is not a new unit; the stored duplicate can be removed exactly
        String amendments = "/api/communities/" + community + "/roster/amendments";
        Api.as(wg).body(Map.of("building", "1号楼", "unit", "１０２", "change", "ADD", "reason", "补录", "kind",
                "residence", "areaM2", "50.00", "owners", "新人", "ownerRef", "P7", "developerHeld", false))
                .post(amendments).then().statusCode(422)
                .body("errors[0].message", containsString("already on the roster"));
        Api.as(wg).body(Map.of("building", "1号楼", "unit", "105", "change", "ADD", "reason", "补录", "kind",
                "residence", "areaM2", "50.00", "owners", "新人", "ownerRef", "p1", "developerHeld", false))
                .post(amendments).then().statusCode(422).body("errors[0].field", equalTo("owner_ref"));
        Api.as(wg).body(Map.of("building", "1号楼", "unit", "105", "change", "ADD", "reason", "补录", "kind",
                "residence", "areaM2", "1234567890123456789012345678901234567890", "owners", "新人", "ownerRef",
                "P7", "developerHeld", false))
                .post(amendments).then().statusCode(422).body("errors[0].field", equalTo("area_m2"));
        Api.as(wg).body(Map.of("building", "1号楼", "unit", "101\u200B", "change", "REMOVE", "reason",
                "同一户重复登记")).post(amendments).then().statusCode(201).body("before", containsString("P9"));
        Api.as(wg).get("/api/communities/" + community + "/roster").then().body("total", equalTo(5))
                .body("items.unit", hasSize(5));
        assertNothingPersonalLogged();
    }

    @Test
    void theDatabaseDriverKeepsStatementParametersOutOfItsErrors() throws Exception {
        UUID community = Api.createCommunity("驱动小区");
        SQLException failure;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "insert into roster_unit (id, community_id, building, unit, kind, area, owners, owner_ref, phone, "
                                + "developer_held) values (?, ?, ?, '101', 'RESIDENCE', ?, ?, 'P1', ?, false)")) {
            for (String area : List.of("80.00", "1234567890123456789")) {
                insert.setObject(1, UUID.randomUUID());
                insert.setObject(2, community);
                insert.setString(3, SECRET_NAME + "楼");
                insert.setBigDecimal(4, new BigDecimal(area));
                insert.setString(5, SECRET_NAME);
                insert.setString(6, SECRET_PHONE);
                insert.addBatch();
            }
            failure = assertThrows(SQLException.class, insert::executeBatch);
        }
        StringBuilder messages = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.append(t).append('\n');
        }
        for (SQLException next = failure.getNextException(); next != null; next = next.getNextException()) {
            messages.append(next).append('\n');
        }
        assertTrue(messages.toString().contains("numeric field overflow"), messages.toString());
        assertFalse(messages.toString().contains(SECRET_NAME), messages.toString());
        assertFalse(messages.toString().contains(SECRET_PHONE), messages.toString());
    }

    private void assertNothingPersonalLogged() {
        List<String> lines = List.copyOf(logged);
        assertTrue(lines.stream().noneMatch(l -> l.contains(SECRET_NAME) || l.contains(SECRET_PHONE)
                || l.contains("方杰") || l.contains("李四")), String.join("\n", lines));
    }

    private void insertAsBefore(UUID community, String building, String unit, String owners, String ownerRef)
            throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "insert into roster_unit (id, community_id, building, unit, kind, area, owners, owner_ref, phone, "
                                + "developer_held) values (?, ?, ?, ?, 'RESIDENCE', 60.00, ?, ?, null, false)")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setObject(2, community);
            insert.setString(3, building);
            insert.setString(4, unit);
            insert.setString(5, owners);
            insert.setString(6, ownerRef);
            insert.executeUpdate();
        }
    }

    private static Map<String, Object> nomination(String building, String unit, String name, String byBuilding,
            String byUnit) {
        return Map.of("unit", Map.of("building", building, "unit", unit), "name", name, "statement", "愿为业主服务",
                "nominators", List.of(Map.of("building", byBuilding, "unit", byUnit)), "commitmentReceived", true);
    }
}
