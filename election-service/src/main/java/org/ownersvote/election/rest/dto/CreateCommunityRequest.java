package org.ownersvote.election.rest.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record CreateCommunityRequest(
        @NotBlank @Size(max = 100) String name,
        @NotBlank @Size(max = 50) String district,
        @NotBlank @Size(max = 50) String street) {
}
