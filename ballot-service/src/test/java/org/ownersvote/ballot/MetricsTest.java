package org.ownersvote.ballot;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * What an operator scrapes at /q/metrics: the suite's own figures with low-cardinality labels (an action, never a
 * serial), the outbox gauges, and HTTP timings by route template.
 */
@QuarkusTest
class MetricsTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void aHandoutIsCountedByActionAndItsRouteTimedByTemplateWithoutItsSerial() {
        VotingFixture v = VotingFixture.open(bootstrap);
        String serial = v.firstBallot("1号楼");
        VotingFixture.handout(v.leader(), serial).then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("ownersvote_ballot_steps_total{action=\"HANDOUT\"}"))
                .body(containsString("ownersvote_ballots_issued_total"))
                .body(containsString("ownersvote_outbox_backlog"))
                .body(containsString("ownersvote_outbox_oldest_unsent_age_seconds"))
                .body(containsString("uri=\"/api/ballots/{serial}/handout\""))
                .body(not(containsString(serial)));
    }
}
