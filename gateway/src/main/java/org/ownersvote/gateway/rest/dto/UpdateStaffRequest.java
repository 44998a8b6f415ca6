package org.ownersvote.gateway.rest.dto;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What a working group may correct in an election account: the display name and a leader's buildings. */
public record UpdateStaffRequest(
        @NotBlank @Size(max = 100) String displayName,
        @Size(max = 50) List<@NotBlank @Size(max = 50) String> buildings) {
}
