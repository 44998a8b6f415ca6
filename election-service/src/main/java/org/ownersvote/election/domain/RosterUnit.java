package org.ownersvote.election.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * One exclusive part of the roster, as checked by {@link RosterValidator}.
 *
 * @param row      the row in the uploaded spreadsheet (the header is row 1)
 * @param ownerRef stable key of the owning person; {@link #DEVELOPER} for developer-held units
 */
public record RosterUnit(
        int row,
        String building,
        String unit,
        UnitKind kind,
        BigDecimal area,
        List<String> owners,
        String ownerRef,
        String phone,
        boolean developerHeld) {

    public static final String DEVELOPER = "DEVELOPER";

    /** The person this unit's vote counts for: all developer-held units are one person (解释 §9). */
    public String personRef() {
        return developerHeld ? DEVELOPER : ownerRef;
    }
}
