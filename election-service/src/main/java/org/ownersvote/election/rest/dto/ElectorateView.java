package org.ownersvote.election.rest.dto;

import java.math.BigDecimal;

import org.ownersvote.election.domain.Electorate;

/** The electorate's figures: units on the roster, counted units, total area A (m², exact) and headcount N. */
public record ElectorateView(String rulePack, int units, int countedUnits, BigDecimal area, int headcount) {

    public static ElectorateView of(String rulePack, Electorate e) {
        return new ElectorateView(rulePack, e.units(), e.countedUnits(), e.area(), e.headcount());
    }
}
