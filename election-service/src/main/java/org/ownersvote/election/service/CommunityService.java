package org.ownersvote.election.service;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.ownersvote.election.Community;
import org.ownersvote.election.Election;
import org.ownersvote.election.rest.dto.PublicCommunityView;
import org.ownersvote.election.rest.dto.CreateCommunityRequest;
import org.ownersvote.platform.audit.AuditLog;
import org.ownersvote.election.domain.ShortCodes;
import org.ownersvote.platform.problem.ProblemException;
import org.ownersvote.platform.problem.Text;

@ApplicationScoped
public class CommunityService {

    @Inject
    AuditLog audit;

    @Transactional
    public Community create(CreateCommunityRequest request, String actor) {
        Community community = new Community();
        community.id = UUID.randomUUID();
        community.name = request.name().strip();
        community.district = request.district().strip();
        community.street = request.street().strip();
        community.shortCode = freeShortCode();
        community.createdAt = OffsetDateTime.now();
        community.createdBy = actor;
        community.persist();
        audit.record(actor, "community.created", "community", community.id, null, community.name);
        return community;
    }

    private static String freeShortCode() {
        for (int attempt = 0; attempt < 20; attempt++) {
            String code = ShortCodes.next();
            if (Community.count("shortCode", code) == 0) {
                return code;
            }
        }
        throw new IllegalStateException("no free short code in 20 attempts");
    }

    /** The community a short code names, for its public page; 404 for a code that names none. */
    public Community byShortCode(String typed) {
        java.util.Optional<Community> found = ShortCodes.parse(typed)
                .flatMap(code -> Community.find("shortCode", code).<Community>firstResultOptional());
        return found.orElseThrow(() -> ProblemException.notFound(Text.of("thing.community-code"), typed));
    }

    /** A community's public page: its name and elections, found by short code. */
    public PublicCommunityView publicView(String shortCode) {
        Community community = byShortCode(shortCode);
        return PublicCommunityView.of(community,
                Election.list("communityId = ?1 order by createdAt desc", community.id));
    }

    public Community get(UUID id) {
        Community community = Community.findById(id);
        if (community == null) {
            throw ProblemException.notFound(Text.of("thing.community"), id);
        }
        return community;
    }
}
