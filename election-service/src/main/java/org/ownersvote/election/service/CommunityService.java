package org.ownersvote.election.service;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.ownersvote.election.Community;
import org.ownersvote.election.rest.dto.CreateCommunityRequest;
import org.ownersvote.platform.audit.AuditLog;
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
        community.createdAt = OffsetDateTime.now();
        community.createdBy = actor;
        community.persist();
        audit.record(actor, "community.created", "community", community.id, null, community.name);
        return community;
    }

    public Community get(UUID id) {
        Community community = Community.findById(id);
        if (community == null) {
            throw ProblemException.notFound(Text.of("thing.community"), id);
        }
        return community;
    }
}
