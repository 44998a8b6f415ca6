package org.ownersvote.election.service;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.ownersvote.election.Community;
import org.ownersvote.election.Election;
import org.ownersvote.election.domain.ShortCodes;
import org.ownersvote.election.repository.CommunityRepository;
import org.ownersvote.election.repository.ElectionRepository;
import org.ownersvote.platform.audit.AuditLog;
import org.ownersvote.platform.problem.ProblemException;
import org.ownersvote.platform.problem.Text;

@ApplicationScoped
public class CommunityService {

    @Inject
    AuditLog audit;

    @Inject
    CommunityRepository communities;

    @Inject
    ElectionRepository elections;

    /** A community's public page: the community and its elections, newest first. */
    public record PublicPage(Community community, List<Election> elections) {
    }

    @Transactional
    public Community create(String name, String district, String street, String actor) {
        Community community = new Community();
        community.id = UUID.randomUUID();
        community.name = name.strip();
        community.district = district.strip();
        community.street = street.strip();
        community.shortCode = freeShortCode();
        community.createdAt = OffsetDateTime.now();
        community.createdBy = actor;
        community.persist();
        audit.record(actor, "community.created", "community", community.id, null, community.name);
        return community;
    }

    private String freeShortCode() {
        for (int attempt = 0; attempt < 20; attempt++) {
            String code = ShortCodes.next();
            if (!communities.shortCodeTaken(code)) {
                return code;
            }
        }
        throw new IllegalStateException("no free short code in 20 attempts");
    }

    /** The community a short code names, for its public page; 404 for a code that names none. */
    public Community byShortCode(String typed) {
        Optional<Community> found = ShortCodes.parse(typed).flatMap(communities::byShortCode);
        return found.orElseThrow(() -> ProblemException.notFound(Text.of("thing.community-code"), typed));
    }

    /** A community's public page: its name and elections, found by short code. */
    public PublicPage publicPage(String shortCode) {
        Community community = byShortCode(shortCode);
        return new PublicPage(community, elections.ofCommunity(community.id));
    }

    public Community get(UUID id) {
        return communities.find(id).orElseThrow(() -> ProblemException.notFound(Text.of("thing.community"), id));
    }
}
