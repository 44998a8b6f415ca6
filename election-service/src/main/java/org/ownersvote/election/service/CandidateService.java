package org.ownersvote.election.service;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.ownersvote.election.Candidate;
import org.ownersvote.election.Election;
import org.ownersvote.election.Objection;
import org.ownersvote.election.RosterEntry;
import org.ownersvote.election.domain.CandidateOrder;
import org.ownersvote.election.domain.Listing;
import org.ownersvote.election.domain.Phase;
import org.ownersvote.election.domain.RulePack;
import org.ownersvote.election.repository.CandidateRepository;
import org.ownersvote.events.election.BallotCandidate;
import org.ownersvote.events.election.CandidateDecided;
import org.ownersvote.events.election.ObjectionAnswered;
import org.ownersvote.platform.audit.AuditLog;
import org.ownersvote.platform.outbox.Outbox;
import org.ownersvote.platform.problem.ProblemException;
import org.ownersvote.platform.problem.Text;
import org.ownersvote.platform.problem.When;
import org.ownersvote.platform.text.IdentityText;
import org.ownersvote.platform.text.NaturalOrder;

/** Nomination from paper forms, eligibility review, and objections during publicity. */
@ApplicationScoped
public class CandidateService {

    @Inject
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    ElectionClock clock;

    @Inject
    Outbox outbox;

    @Inject
    RosterService rosters;

    @Inject
    CandidateRepository repository;

    /** A unit of the roster as typed: building and unit label. */
    public record UnitAddress(String building, String unit) {
    }

    /** One paper recommendation form (推荐表): the nominee, their unit, the nominating units. */
    public record Nomination(UnitAddress unit, String name, String statement, List<UnitAddress> nominators,
            boolean commitmentReceived) {
    }

    /** The working group's eligibility decision; a rejection names its category and reason. */
    public record Review(Candidate.Status decision, Candidate.ReasonCategory reasonCategory, String reason) {
    }

    /** An owner's objection during publicity, against one candidate ({@code candidateId}) or the whole list (null). */
    public record ObjectionLodged(UUID candidateId, UnitAddress objectingUnit, String text) {
    }

    public record Nominated(Candidate candidate, boolean merged) {
    }

    /**
     * Records a recommendation form. The nominee must own a counted unit of the frozen roster and the nominators
     * must be units of it; a second form for the same nominee adds its nominators to the same candidate.
     */
    @Transactional
    public Nominated nominate(Election election, Nomination request, String actor) {
        requirePhase(election, Phase.NOMINATION, Text.of("candidate.nominate-when"));
        RosterEntry nomineeUnit = rosterUnit(election, request.unit(), "unit");
        RulePack rulePack = RulePack.fromCode(election.rulePack).orElseThrow();
        String asked = InputText.identity("name", request.name());
        String statement = InputText.acceptable("statement", request.statement());
        if (!rulePack.counts(nomineeUnit.kind)) {
            throw ProblemException.invalid("unit", Text.of("candidate.unit-not-counted", label(nomineeUnit),
                    nomineeUnit.kind.words()));
        }
        if (nomineeUnit.developerHeld) {
            // a committee member is an owner "具有完全民事行为能力" (业主大会和业主委员会指导规则 §31), i.e. a natural
            // person: the developer holding unsold units votes as an owner but cannot sit on the committee
            throw ProblemException.invalid("unit", Text.of("candidate.unit-developer-held", label(nomineeUnit),
                    Listing.names(List.of(nomineeUnit.owners.split(";")))));
        }
        // the name as the roster writes it (normal form): what the list, the events and the ballots show
        String name = List.of(nomineeUnit.owners.split(";")).stream()
                .filter(owner -> IdentityText.looksAlike(owner, asked)).findFirst().map(IdentityText::normalise)
                .orElseThrow(() -> ProblemException.invalid("name", Text.of("candidate.not-an-owner", asked,
                        label(nomineeUnit), Listing.names(List.of(nomineeUnit.owners.split(";"))))));
        List<RosterEntry> nominators = request.nominators().stream()
                .map(nominator -> rosterUnit(election, nominator, "nominators")).toList();
        OffsetDateTime now = clock.now();
        Candidate candidate = repository.ofElection(election.id).stream()
                .filter(c -> c.building.equals(nomineeUnit.building) && c.unit.equals(nomineeUnit.unit)
                        && IdentityText.looksAlike(c.name, name))
                .findFirst().orElse(null);
        boolean merged = candidate != null;
        if (!merged) {
            candidate = new Candidate();
            candidate.id = UUID.randomUUID();
            candidate.electionId = election.id;
            candidate.building = nomineeUnit.building;
            candidate.unit = nomineeUnit.unit;
            candidate.name = name;
            candidate.status = Candidate.Status.NOMINATED;
            candidate.nominatedAt = now;
        }
        if (statement != null && !statement.isEmpty()) {
            candidate.statement = statement;
        }
        candidate.commitmentReceived = candidate.commitmentReceived || request.commitmentReceived();
        candidate.persist();
        em.flush();
        for (RosterEntry nominator : nominators) {
            // the unit as stored: two look-alike spellings of one unit are one nominator
            repository.addNominator(candidate.id, nominator.building, nominator.unit, now, actor);
        }
        audit.record(actor, merged ? "candidate.nominators-added" : "candidate.nominated", "candidate", candidate.id,
                election.id, name + " (" + label(nomineeUnit) + "), " + request.nominators().size() + " nominator(s)");
        return new Nominated(candidate, merged);
    }

    /** The working group's eligibility decision; a rejection names its category and reason. */
    @Transactional
    public Candidate review(Election election, UUID candidateId, Review request, String actor) {
        requirePhase(election, Phase.NOMINATION, Text.of("candidate.review-when"));
        Candidate candidate = candidate(election, candidateId);
        if (request.decision() == Candidate.Status.NOMINATED) {
            throw ProblemException.invalid("decision", Text.of("candidate.decide"));
        }
        if (request.decision() == Candidate.Status.REJECTED
                && (request.reasonCategory() == null || request.reason() == null || request.reason().isBlank())) {
            throw ProblemException.invalid("reason", Text.of("candidate.rejection-needs-reason"));
        }
        if (request.decision() == Candidate.Status.APPROVED && RulePack.SH_2020.code().equals(election.rulePack)
                && !candidate.commitmentReceived) {
            throw ProblemException.invalid("decision", Text.of("candidate.commitment-missing"));
        }
        candidate.status = request.decision();
        candidate.reasonCategory = request.decision() == Candidate.Status.REJECTED ? request.reasonCategory() : null;
        candidate.reason = InputText.acceptable("reason", request.reason());
        candidate.decidedAt = clock.now();
        candidate.decidedBy = actor;
        audit.record(actor, "candidate." + request.decision().name().toLowerCase(), "candidate", candidate.id,
                election.id, candidate.name + (candidate.reasonCategory == null ? ""
                        : ": " + candidate.reasonCategory + " " + candidate.reason));
        outbox.publish(election.id, new CandidateDecided(election.id, candidate.id,
                IdentityText.normalise(candidate.name),
                candidate.status.name(), candidate.reasonCategory == null ? null : candidate.reasonCategory.name(),
                candidate.reason, election.drill));
        return candidate;
    }

    /** Every candidate in ballot order: surname strokes (姓氏笔画). */
    public List<Candidate> list(UUID electionId) {
        Comparator<String> strokes = CandidateOrder.byStrokes();
        return repository.ofElection(electionId).stream()
                .sorted(Comparator.comparing((Candidate c) -> c.name, strokes)
                        .thenComparing(NaturalOrder.byBuildingAndUnit(c -> c.building, c -> c.unit)))
                .toList();
    }

    /** The approved candidates as the list and the ballot show them: stroke order, numbered from 1. */
    public List<BallotCandidate> ballotCandidates(UUID electionId) {
        List<Candidate> approved = list(electionId).stream().filter(c -> c.status == Candidate.Status.APPROVED)
                .toList();
        List<BallotCandidate> ballot = new ArrayList<>(approved.size());
        for (int i = 0; i < approved.size(); i++) {
            Candidate c = approved.get(i);
            // normal form even for a name stored before names were normalised: ballots print what events carry
            ballot.add(new BallotCandidate(c.id, i + 1, IdentityText.normalise(c.name), c.building, c.unit,
                    c.statement));
        }
        return ballot;
    }

    public Map<UUID, Integer> nominatorCounts(UUID electionId) {
        return repository.nominatorCounts(electionId);
    }

    /** The objections lodged in the election, oldest first. */
    public List<Objection> objections(UUID electionId) {
        return repository.objections(electionId);
    }

    @Transactional
    public Objection lodge(Election election, ObjectionLodged request, String actor) {
        requirePhase(election, Phase.CANDIDATE_PUBLICITY, Text.of("objection.lodge-when"));
        RosterEntry unit = rosterUnit(election, request.objectingUnit(), "objectingUnit");
        if (request.candidateId() != null) {
            candidate(election, request.candidateId());
        }
        Objection objection = new Objection();
        objection.id = UUID.randomUUID();
        objection.electionId = election.id;
        objection.candidateId = request.candidateId();
        objection.building = unit.building;
        objection.unit = unit.unit;
        objection.text = InputText.acceptable("text", request.text());
        objection.lodgedAt = clock.now();
        objection.lodgedBy = actor;
        objection.persist();
        audit.record(actor, "objection.lodged", "objection", objection.id, election.id,
                label(unit) + ": " + objection.text);
        return objection;
    }

    @Transactional
    public Objection answer(Election election, UUID objectionId, String answer, String actor) {
        requirePhase(election, Phase.CANDIDATE_PUBLICITY, Text.of("objection.answer-when"));
        Objection objection = Objection.findById(objectionId);
        if (objection == null || !objection.electionId.equals(election.id)) {
            throw ProblemException.notFound(Text.of("thing.objection"), objectionId);
        }
        if (objection.answer != null) {
            throw ProblemException.conflict("already-answered", Text.of("objection.already-answered",
                    When.of(objection.answeredAt.toInstant())));
        }
        objection.answer = InputText.acceptable("answer", answer);
        objection.answeredAt = clock.now();
        objection.answeredBy = actor;
        audit.record(actor, "objection.answered", "objection", objection.id, election.id, objection.answer);
        outbox.publish(election.id, new ObjectionAnswered(election.id, election.communityId, objection.id,
                objection.candidateId, objection.text, objection.answer, election.drill));
        return objection;
    }

    public int approvedCount(UUID electionId) {
        return (int) repository.approved(electionId);
    }

    public int unansweredObjections(UUID electionId) {
        return (int) repository.unansweredObjections(electionId);
    }

    private static Candidate candidate(Election election, UUID candidateId) {
        Candidate candidate = Candidate.findById(candidateId);
        if (candidate == null || !candidate.electionId.equals(election.id)) {
            throw ProblemException.notFound(Text.of("thing.candidate"), candidateId);
        }
        return candidate;
    }

    private RosterEntry rosterUnit(Election election, UnitAddress ref, String field) {
        return rosters.findUnit(election.communityId, ref.building(), ref.unit(), field)
                .orElseThrow(() -> ProblemException.invalid(field, Text.of("candidate.unit-not-on-roster",
                        IdentityText.normalise(ref.building()) + " " + IdentityText.normalise(ref.unit()))));
    }

    private static void requirePhase(Election election, Phase phase, Text rule) {
        if (election.phase != phase) {
            throw ProblemException.conflict("wrong-phase", Text.of("election.wrong-phase", rule,
                    election.phase.words()));
        }
    }

    private static String label(RosterEntry unit) {
        return unit.building + " " + unit.unit;
    }
}
