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
import org.ownersvote.election.domain.Electorate;
import org.ownersvote.election.domain.Phase;
import org.ownersvote.election.domain.PhaseMachine;
import org.ownersvote.election.domain.RosterUnit;
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

    @Inject
    RosterService rosters;

    @Inject
    ElectoratePublisher electorates;

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
        List<RosterUnit> roster = rosters.units(community.id);
        Optional<java.math.BigDecimal> area = roster.isEmpty() ? Optional.empty()
                : Optional.of(Electorate.of(roster, rulePack).area());
        List<String> violations = rulePack.committeeSizeViolations(request.seats(), alternates, area);
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

    /**
     * Moves the election to the next phase if the phase machine allows it. Opening nomination freezes the roster
     * and publishes the electorate in the same transaction.
     */
    @Transactional
    public Election transition(UUID electionId, Phase to, String actor) {
        Election election = Election.findById(electionId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (election == null) {
            throw ProblemException.notFound("Election", electionId);
        }
        List<RosterUnit> roster = rosters.units(election.communityId);
        RulePack rulePack = RulePack.fromCode(election.rulePack).orElseThrow();
        PhaseMachine.Facts facts = new PhaseMachine.Facts(rulePack, election.seats, election.alternates,
                roster.size(), Electorate.of(roster, rulePack).area(), 0);
        Optional<PhaseMachine.Refusal> refusal = PhaseMachine.check(election.phase, to, facts);
        if (refusal.isPresent()) {
            String allowed = refusal.get().allowed().isEmpty() ? "none (the election has ended)"
                    : refusal.get().allowed().toString();
            throw new ProblemException(409, "transition-refused", "Transition refused",
                    election.phase + " → " + to + " refused: " + refusal.get().reason() + ". Allowed next phases: "
                            + allowed, List.of(new Problem.FieldError("to", refusal.get().reason())));
        }
        if (to == Phase.NOMINATION && Election.freezingRoster(election.communityId).isPresent()) {
            throw ProblemException.conflict("roster-in-use", "Another election of this community has the roster "
                    + "frozen; finish it first");
        }
        Phase from = election.phase;
        election.phase = to;
        if (to == Phase.NOMINATION) {
            election.frozenAt = OffsetDateTime.now();
            electorates.publish(election, roster);
        }
        audit.record(actor, "election.phase-changed", "election", election.id, election.id, from + " → " + to);
        return election;
    }

    /** The electorate as frozen for the election, or as the roster stands while it is not frozen yet. */
    public Electorate electorate(Election election) {
        if (election.frozenAt != null) {
            return new Electorate(election.electorateUnits, election.electorateCountedUnits, election.electorateArea,
                    election.electorateHeadcount);
        }
        return Electorate.of(rosters.units(election.communityId), RulePack.fromCode(election.rulePack).orElseThrow());
    }

    public Election get(UUID id) {
        Election election = Election.findById(id);
        if (election == null) {
            throw ProblemException.notFound("Election", id);
        }
        return election;
    }
}
