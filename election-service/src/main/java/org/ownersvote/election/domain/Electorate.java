package org.ownersvote.election.domain;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Who votes and how much each vote weighs (民法典 §278; 解释 §8, §9).
 *
 * @param units        all units on the roster
 * @param countedUnits units of a counted kind
 * @param area         A: the exact sum of the counted units' registered areas, in m²
 * @param headcount    N: persons owning counted units; a buyer of several units is one person, co-owners of a unit
 *                     are one person, and all units still held by the developer together are one person
 */
public record Electorate(int units, int countedUnits, BigDecimal area, int headcount) {

    public static Electorate of(Collection<RosterUnit> roster, RulePack rulePack) {
        int counted = 0;
        BigDecimal area = BigDecimal.ZERO.setScale(2);
        Set<String> persons = new HashSet<>();
        for (RosterUnit unit : roster) {
            if (rulePack.counts(unit.kind())) {
                counted++;
                area = area.add(unit.area());
                persons.add(unit.personRef());
            }
        }
        return new Electorate(roster.size(), counted, area, persons.size());
    }
}
