package org.ownersvote.gateway.rest.dto;

import java.util.List;
import java.util.UUID;

import org.ownersvote.gateway.StaffAccount;

public record UserView(UUID id, String username, String displayName, List<String> roles, UUID communityId,
        UUID electionId, List<String> buildings, List<String> communities, boolean enabled) {

    public static UserView of(StaffAccount a) {
        return new UserView(a.id, a.username, a.displayName, List.of(a.roles), a.communityId, a.electionId,
                List.of(a.buildings), List.of(a.communities), a.enabled);
    }
}
