package org.ownersvote.election.rest.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.ownersvote.election.RosterAmendment;
import org.ownersvote.election.domain.RosterValidator;

/**
 * A change of a frozen roster. ADD gives the whole unit; UPDATE gives the fields that change (others stay);
 * REMOVE gives only building and unit. Values are written as in the roster file and checked by the same rules
 * ({@link RosterValidator}: normal form, lengths, area precision).
 */
public record AmendmentRequest(
        @NotBlank @Size(max = RosterValidator.MAX_BUILDING) String building,
        @NotBlank @Size(max = RosterValidator.MAX_UNIT) String unit,
        @NotNull RosterAmendment.Change change,
        @NotBlank @Size(max = 500) String reason,
        String kind,
        String areaM2,
        @Size(max = RosterValidator.MAX_OWNERS) String owners,
        @Size(max = RosterValidator.MAX_OWNER_REF) String ownerRef,
        String phone,
        Boolean developerHeld) {
}
