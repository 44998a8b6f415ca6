package org.ownersvote.election.rest.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.ownersvote.election.RosterAmendment;

/**
 * A change of a frozen roster. ADD gives the whole unit; UPDATE gives the fields that change (others stay);
 * REMOVE gives only building and unit. Values are written as in the roster file.
 */
public record AmendmentRequest(
        @NotBlank @Size(max = 50) String building,
        @NotBlank @Size(max = 50) String unit,
        @NotNull RosterAmendment.Change change,
        @NotBlank @Size(max = 500) String reason,
        String kind,
        String areaM2,
        @Size(max = 200) String owners,
        @Size(max = 100) String ownerRef,
        String phone,
        Boolean developerHeld) {
}
