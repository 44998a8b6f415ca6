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
import org.ownersvote.election.domain.Phase;
import org.ownersvote.election.domain.RulePack;
import org.ownersvote.election.rest.dto.CreateElectionRequest;
import org.ownersvote.events.election.ElectionCreated;
import org.ownersvote.platform.audit.AuditLog;
import org.ownersvote.platform.outbox.Outbox;
import org.ownersvote.platform.problem.Problem;
import org.ownersvote.platform.problem.ProblemException;

@ApplicationScoped
public class ElectionService {

    @Inject
    Outbox outbox;

    @Inject
    AuditLog audit;

    /** Creates an election in DRAFT and announces it; the event commits with the election or not at all. */
    @Transactional
    public Election create(CreateElectionRequest request, String actor) {
        Community community = Community.findById(request.communityId());
        if (community == null) {
            throw ProblemException.invalid("communityId", "no community " + request.communityId());
        }
        RulePack rulePack = RulePack.fromCode(request.rulePack()).orElseThrow(() -> ProblemException.invalid(
                "rulePack", "unknown rule pack '" + request.rulePack() + "'; use CN-2021 or SH-2020"));
        int alternates = request.alternates() == null ? 0 : request.alternates();
        List<String> violations = rulePack.committeeSizeViolations(request.seats(), alternates, Optional.empty());
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(String.join("; ", violations),
                    violations.stream().map(v -> new Problem.FieldError(v.startsWith("alternates") ? "alternates" : "seats", v))
                            .toList());
        }

        Election election = new Election();
        election.id = UUID.randomUUID();
        election.communityId = community.id;
        election.title = request.title().strip();
        election.rulePack = rulePack.code();
        election.seats = request.seats();
        election.alternates = alternates;
        election.votingDays = request.votingDays();
        election.drill = Boolean.TRUE.equals(request.drill());
        election.phase = Phase.DRAFT;
        election.createdAt = OffsetDateTime.now();
        election.createdBy = actor;
        election.persist();

        audit.record(actor, "election.created", "election", election.id, election.id, election.title);
        outbox.publish(election.id, new ElectionCreated(election.id, community.id, community.name, election.title,
                election.rulePack, election.seats, election.alternates, election.votingDays, election.drill));
        return election;
    }

    public Election get(UUID id) {
        Election election = Election.findById(id);
        if (election == null) {
            throw ProblemException.notFound("Election", id);
        }
        return election;
    }
}
