package org.ownersvote.election.rest.dto;

import java.math.BigDecimal;
import java.util.List;

import org.ownersvote.election.RosterEntry;
import org.ownersvote.platform.privacy.Masks;

public record RosterPage(List<Unit> items, int page, int size, long total) {

    /** @param phone masked (139****0625) unless the caller's role needs to call owners */
    public record Unit(String building, String unit, String kind, BigDecimal area, String owners, String ownerRef,
            String phone, boolean developerHeld) {

        public static Unit of(RosterEntry e, boolean fullPhone) {
            return new Unit(e.building, e.unit, e.kind.code(), e.area, e.owners, e.ownerRef,
                    fullPhone ? e.phone : Masks.phone(e.phone), e.developerHeld);
        }
    }
}
