package org.ownersvote.notification;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.ownersvote.events.Topics;
import org.ownersvote.events.ballot.TallyFinalized;
import org.ownersvote.events.ballot.TallyResult;
import org.ownersvote.platform.testing.KafkaTopics;
import org.ownersvote.platform.testing.TestEvents;

/** Final tallies as ballot-service announces them, sent on the ballot topic. */
public final class Tallies {

    private Tallies() {
    }

    /** The worked example of TallyEngineTest: quorum met, 甲 and 丁 elected, one seat vacant. */
    public static TallyResult elected() {
        return new TallyResult("CN-2021", new TallyResult.Figures(8, new BigDecimal("690.00"), 6),
                new TallyResult.Figures(6, new BigDecimal("560.00"), 5), new BigDecimal("83.33"),
                new BigDecimal("81.16"), true, true, true, List.of(
                        candidate("甲", 3, "390.00", "60.00", "69.64", "ELECTED"),
                        candidate("乙", 2, "280.00", "40.00", "50.00", "NOT_PASSED"),
                        candidate("丙", 2, "140.00", "40.00", "25.00", "NOT_PASSED"),
                        candidate("丁", 3, "350.00", "60.00", "62.50", "ELECTED")),
                List.of(), 1);
    }

    /** Too few owners took part: 3 of 6 owners, 300 of 690 m². */
    public static TallyResult quorumNotMet() {
        return new TallyResult("CN-2021", new TallyResult.Figures(8, new BigDecimal("690.00"), 6),
                new TallyResult.Figures(3, new BigDecimal("300.00"), 3), new BigDecimal("50.00"),
                new BigDecimal("43.48"), false, false, false, List.of(
                        candidate("甲", 3, "300.00", "100.00", "100.00", "NOT_PASSED")),
                List.of(), 3);
    }

    public static void send(String bootstrap, UUID election, TallyResult result) {
        KafkaTopics.send(bootstrap, Topics.BALLOT_RESULTS, election.toString(), TestEvents.envelope(
                UUID.randomUUID().toString(), election, new TallyFinalized(election, result.quorumMet(),
                        "ab".repeat(32), OffsetDateTime.now(), result)));
    }

    static TallyResult.Candidate candidate(String name, long heads, String area, String headsPercent,
            String areaPercent, String outcome) {
        return new TallyResult.Candidate(UUID.randomUUID(), name, "1号楼", "101", heads, new BigDecimal(area),
                new BigDecimal(headsPercent), new BigDecimal(areaPercent), outcome);
    }
}
