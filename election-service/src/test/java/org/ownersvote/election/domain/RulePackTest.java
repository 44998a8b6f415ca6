package org.ownersvote.election.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ownersvote.platform.problem.Text;

class RulePackTest {

    @ParameterizedTest
    @ValueSource(ints = { 5, 7, 9, 11 })
    void nationalPackAcceptsOddSizesFromFiveToEleven(int seats) {
        assertEquals(List.of(), RulePack.CN_2021.committeeSizeViolations(seats, 0, Optional.empty()));
    }

    @ParameterizedTest
    @ValueSource(ints = { 3, 13 })
    void nationalPackRefusesSizesOutsideFiveToEleven(int seats) {
        assertEquals(List.of("seats must be between 5 and 11 under the national rules (CN-2021)"),
                english(RulePack.CN_2021.committeeSizeViolations(seats, 0, Optional.empty())));
    }

    @Test
    void everyPackRefusesAnEvenCommittee() {
        assertTrue(english(RulePack.CN_2021.committeeSizeViolations(6, 0, Optional.empty()))
                .contains("seats must be an odd number"));
        assertTrue(english(RulePack.SH_2020.committeeSizeViolations(8, 0, Optional.empty()))
                .contains("seats must be an odd number"));
    }

    @Test
    void shanghaiAllowsThreeSeatsOnlyUnderTenThousandSquareMetres() {
        assertEquals(List.of(), RulePack.SH_2020.committeeSizeViolations(3, 0, Optional.of(new BigDecimal("9999.99"))));
        assertEquals(1, RulePack.SH_2020.committeeSizeViolations(3, 0, Optional.of(new BigDecimal("10000.00"))).size());
    }

    @Test
    void shanghaiDoesNotGrantThreeSeatsBeforeTheAreaIsKnown() {
        List<String> violations = english(RulePack.SH_2020.committeeSizeViolations(3, 0, Optional.empty()));
        assertEquals(1, violations.size());
        assertTrue(violations.get(0).contains("import the roster first"), violations.get(0));
    }

    @Test
    void shanghaiHasNoUpperBound() {
        assertEquals(List.of(), RulePack.SH_2020.committeeSizeViolations(15, 0, Optional.empty()));
    }

    @Test
    void alternatesMayNotExceedSeats() {
        assertEquals(List.of(), RulePack.CN_2021.committeeSizeViolations(5, 5, Optional.empty()));
        assertEquals(List.of("alternates must be between 0 and the number of seats"),
                english(RulePack.CN_2021.committeeSizeViolations(5, 6, Optional.empty())));
    }

    @Test
    void packsAreFoundByTheirCode() {
        assertEquals(Optional.of(RulePack.SH_2020), RulePack.fromCode("SH-2020"));
        assertEquals(Optional.empty(), RulePack.fromCode("sh-2020"));
    }

    @Test
    void eachPackStatesItsPeriods() {
        for (RulePack pack : RulePack.values()) {
            assertEquals(15, pack.minimumPublicityDays());
            assertEquals(60, pack.maximumVotingDays());
            assertEquals(30, pack.filingDays());
        }
        assertEquals(Optional.of(3), RulePack.SH_2020.committeeAnnouncementDays());
        assertEquals(Optional.empty(), RulePack.CN_2021.committeeAnnouncementDays());
    }

    @Test
    void residencesAndShopsCountWhileParkingAndOtherUnitsDoNotUnderEveryPack() {
        for (RulePack pack : RulePack.values()) {
            assertTrue(pack.counts(UnitKind.RESIDENCE), pack.code());
            assertTrue(pack.counts(UnitKind.SHOP), pack.code());
            assertFalse(pack.counts(UnitKind.PARKING), pack.code());
            assertFalse(pack.counts(UnitKind.OTHER), pack.code());
        }
    }

    private static List<String> english(List<Text> violations) {
        return violations.stream().map(Text::english).toList();
    }
}
