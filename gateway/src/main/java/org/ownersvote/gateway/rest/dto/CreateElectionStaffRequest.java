package org.ownersvote.gateway.rest.dto;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A building leader, counter or scrutineer account as a working group creates it for its election. The community
 * and the election come from the working group's token and the path: they are not fields a working group may set
 * (a request naming them is refused as an unknown field). {@code username} is a short name: the account signs in
 * with the name the answer gives, the short name followed by the election's suffix ({@code zhang.k7q2mx4f}).
 */
public record CreateElectionStaffRequest(
        @NotBlank @Pattern(regexp = "[a-zA-Z0-9._-]{2,40}", message = "field.election-username-format") String username,
        @NotBlank @Size(max = 128) String password,
        @NotBlank @Size(max = 100) String displayName,
        @NotEmpty @Size(max = 2) List<@NotBlank String> roles,
        @Size(max = 50) List<@NotBlank @Size(max = 50) String> buildings) {
}
