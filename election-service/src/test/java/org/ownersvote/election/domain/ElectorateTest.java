package org.ownersvote.election.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ownersvote.election.service.roster.RosterFile;

class ElectorateTest {

    @Test
    void workedExampleCountsSixPersonsOn690SquareMetres() {
        Electorate e = Electorate.of(roster("/rosters/worked-example.csv"), RulePack.CN_2021);
        assertEquals(9, e.units());
        assertEquals(8, e.countedUnits(), "the parking space does not count");
        assertEquals(new BigDecimal("690.00"), e.area());
        assertEquals(6, e.headcount(), "P1, P2, P3 (two units), the developer (two units), P4, P5 (co-owners)");
    }

    @Test
    void sampleCommunityHas860CountedUnitsOf86566point89SquareMetresAnd806Persons() {
        Electorate e = Electorate.of(roster("/rosters/zhenru-jiayuan-900.csv"), RulePack.SH_2020);
        assertEquals(900, e.units());
        assertEquals(860, e.countedUnits());
        assertEquals(new BigDecimal("86566.89"), e.area());
        assertEquals(806, e.headcount());
    }

    @Test
    void allDeveloperHeldUnitsAreOnePersonWhateverTheirOwnerRef() {
        List<RosterUnit> units = List.of(
                unit("1", "1", "DEVELOPER", true), unit("1", "2", "DEVELOPER", true), unit("1", "3", "P1", false));
        assertEquals(2, Electorate.of(units, RulePack.CN_2021).headcount());
    }

    @Test
    void aBuyerOfAParkingSpaceOnlyIsNotCounted() {
        List<RosterUnit> units = List.of(unit("1", "1", "P1", false),
                new RosterUnit(3, "B1", "1", UnitKind.PARKING, new BigDecimal("12.00"), List.of("x"), "P2", null,
                        false));
        Electorate e = Electorate.of(units, RulePack.CN_2021);
        assertEquals(1, e.headcount());
        assertEquals(new BigDecimal("50.00"), e.area());
    }

    @Test
    void areasAddUpExactlyWithoutFloatingPointDrift() {
        List<RosterUnit> units = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            units.add(new RosterUnit(i + 2, "1", "u" + i, UnitKind.RESIDENCE, new BigDecimal("0.10"), List.of("x"),
                    "P" + i, null, false));
        }
        assertEquals(new BigDecimal("100.00"), Electorate.of(units, RulePack.CN_2021).area());
    }

    @Test
    void aUnitOfKindOtherStaysOnTheRosterWithoutWeight() {
        // a storeroom (储藏室) of its own owner: on the roster, but neither area nor head under either pack
        List<RosterUnit> units = List.of(unit("1", "1", "P1", false),
                new RosterUnit(3, "1", "储藏室-1", UnitKind.OTHER, new BigDecimal("8.00"), List.of("y"), "P2", null,
                        false));
        for (RulePack pack : RulePack.values()) {
            assertEquals(new Electorate(2, 1, new BigDecimal("50.00"), 1), Electorate.of(units, pack), pack.code());
        }
    }

    private static RosterUnit unit(String building, String unit, String ref, boolean developer) {
        return new RosterUnit(2, building, unit, UnitKind.RESIDENCE, new BigDecimal("50.00"), List.of("x"), ref, null,
                developer);
    }

    static List<RosterUnit> roster(String resource) {
        try (InputStream in = ElectorateTest.class.getResourceAsStream(resource)) {
            RosterFile.Content content = RosterFile.read(in.readAllBytes(), RosterFile.CSV);
            RosterValidator.Result result = RosterValidator.validate(content.rows());
            assertEquals(List.of(), result.errors());
            return result.units();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
