package org.ownersvote.ballot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Buildings and units are listed and printed in natural order (platform NaturalOrder / natural_key): 1号楼, 2号楼,
 * 10号楼; unit 101 before 1001. Plain text order puts 10号楼 before 2号楼 and 1001 before 101.
 */
@QuarkusTest
class NaturalOrderTest {

    @Test
    void progressBallotListsWorklistsAndPrintingGoInNaturalOrder() {
        List<String[]> units = new ArrayList<>();
        for (String building : List.of("10号楼", "2号楼", "1号楼")) {
            for (String unit : List.of("1001", "201", "101", "102")) {
                units.add(new String[] { building, unit });
            }
        }
        VotingFixture v = VotingFixture.open(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers",
                String.class), units); // 11 ballots: the tenth unit, 1号楼 201, is a parking space
        String wg = v.workingGroup();
        String base = "/api/elections/" + v.election() + "/ballots";

        List<String> buildings = VotingFixture.as(wg).get(base + "/progress").then().statusCode(200).extract()
                .path("buildings.building");
        assertEquals(List.of("1号楼", "2号楼", "10号楼"), buildings);

        List<String> listed = VotingFixture.as(wg).queryParam("size", 100).get(base).then().statusCode(200)
                .extract().path("collect { it.building + ' ' + it.unit }");
        assertEquals(List.of("1号楼 101", "1号楼 102", "1号楼 1001", "2号楼 101", "2号楼 102", "2号楼 201", "2号楼 1001",
                "10号楼 101", "10号楼 102", "10号楼 201", "10号楼 1001"), listed); // 1号楼 201 is a parking space

        List<String> toVisit = VotingFixture.as(wg).queryParam("building", "1号楼").get(base + "/worklist").then()
                .statusCode(200).extract().path("toVisit.unit");
        assertEquals(List.of("101", "102", "1001"), toVisit);

        String html = VotingFixture.as(wg).queryParam("building", "2号楼").post(base + "/print").then().statusCode(200)
                .extract().asString();
        List<String> printed = new ArrayList<>();
        Matcher m = Pattern.compile("<dt>房屋</dt><dd>2号楼 (\\d+)</dd>").matcher(html);
        while (m.find()) {
            printed.add(m.group(1));
        }
        assertEquals(List.of("101", "102", "201", "1001"), printed);
    }
}
