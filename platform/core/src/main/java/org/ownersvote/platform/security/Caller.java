package org.ownersvote.platform.security;

import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.ownersvote.platform.problem.ProblemException;
import org.ownersvote.platform.problem.Text;

/**
 * The authenticated caller of this request and the object scope its token grants. Resources ask it before they
 * touch a community or an election; a refusal is a 403 problem and changes nothing.
 */
@RequestScoped
public class Caller {

    @Inject
    JsonWebToken jwt;

    public String username() {
        return jwt.getName() == null ? "anonymous" : jwt.getName();
    }

    /** Whether the request carries a verified token at all. */
    public boolean authenticated() {
        return jwt.getName() != null;
    }

    public boolean hasRole(String role) {
        return jwt.getGroups() != null && jwt.getGroups().contains(role);
    }

    public Optional<UUID> communityId() {
        return uuidClaim(ScopeClaims.COMMUNITY);
    }

    public Optional<UUID> electionId() {
        return uuidClaim(ScopeClaims.ELECTION);
    }

    public Set<UUID> oversightCommunities() {
        return stringSet(ScopeClaims.COMMUNITIES).stream().map(RequestUuids::parseOrNull)
                .filter(Objects::nonNull).collect(Collectors.toSet());
    }

    /** The one ballot an owner token is bound to; empty for staff. */
    public Optional<String> ballotSerial() {
        Object value = jwt.getClaim(ScopeClaims.BALLOT);
        return value == null ? Optional.empty() : Optional.of(claimText(value));
    }

    public Set<String> buildings() {
        return stringSet(ScopeClaims.BUILDINGS);
    }

    /** May this caller see the community? Admins everywhere, street offices where they oversee, staff in their own. */
    public boolean canSeeCommunity(UUID communityId) {
        return hasRole(Roles.ADMIN)
                || (hasRole(Roles.STREET_OFFICE) && oversightCommunities().contains(communityId))
                || communityId().map(communityId::equals).orElse(false);
    }

    public void requireCommunity(UUID communityId) {
        if (!canSeeCommunity(communityId)) {
            // the id the caller sent is not repeated: the answer says nothing about what lies outside their scope
            throw ProblemException.forbidden(Text.of("problem.community-not-covered"));
        }
    }

    /** Staff bound to one election (building leaders, counters, scrutineers) may act only on that election. */
    public void requireElection(UUID communityId, UUID electionId) {
        requireCommunity(communityId);
        Optional<UUID> own = electionId();
        if (own.isPresent() && !own.get().equals(electionId)) {
            throw ProblemException.forbidden(Text.of("problem.election-not-covered"));
        }
    }

    private Optional<UUID> uuidClaim(String name) {
        Object value = jwt.getClaim(name);
        return value == null ? Optional.empty() : Optional.ofNullable(RequestUuids.parseOrNull(claimText(value)));
    }

    private Set<String> stringSet(String name) {
        Object value = jwt.getClaim(name);
        if (value instanceof Collection<?> values) {
            return values.stream().map(Caller::claimText).collect(Collectors.toSet());
        }
        if (value instanceof JsonArray array) {
            return array.stream().map(Caller::claimText).collect(Collectors.toSet());
        }
        return Set.of();
    }

    private static String claimText(Object value) {
        if (value instanceof JsonString s) {
            return s.getString();
        }
        return String.valueOf(value);
    }

    /** UUID parsing that treats a malformed id like an absent one. */
    static final class RequestUuids {
        static UUID parseOrNull(String text) {
            try {
                return UUID.fromString(text);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }
}
