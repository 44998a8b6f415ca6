package org.ownersvote.gateway.rest.dto;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A staff account as an admin creates it; roles and scope decide what its tokens allow. */
public record CreateUserRequest(
        @NotBlank @Pattern(regexp = "[a-zA-Z0-9._-]{3,64}", message = "field.username-format") String username,
        @NotBlank @Size(max = 128) String password,
        @NotBlank @Size(max = 100) String displayName,
        @NotEmpty @Size(max = 4) List<@NotBlank String> roles,
        UUID communityId,
        UUID electionId,
        @Size(max = 50) List<@NotBlank @Size(max = 50) String> buildings,
        @Size(max = 200) List<UUID> communities) {
}
