package org.ownersvote.election.service;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.ownersvote.election.Community;
import org.ownersvote.election.Election;
import org.ownersvote.election.Motion;
import org.ownersvote.election.PhaseChange;
import org.ownersvote.election.domain.Electorate;
import org.ownersvote.election.domain.Listing;
import org.ownersvote.election.domain.Phase;
import org.ownersvote.election.domain.PhaseMachine;
import org.ownersvote.election.domain.RosterUnit;
import org.ownersvote.election.domain.RulePack;
import org.ownersvote.election.repository.CommunityRepository;
import org.ownersvote.election.repository.ElectionRepository;
import org.ownersvote.events.EventEnvelope;
import org.ownersvote.events.UnreadableEventException;
import org.ownersvote.events.ballot.TallyFinalized;
import org.ownersvote.events.election.BallotMotion;
import org.ownersvote.events.election.CandidateListPublished;
import org.ownersvote.events.election.ElectionCreated;
import org.ownersvote.events.election.PhaseChanged;
import org.ownersvote.events.election.ResultCertified;
import org.ownersvote.events.election.VotingDeadlineExtended;
import org.ownersvote.events.election.VotingOpened;
import org.ownersvote.platform.audit.AuditLog;
import org.ownersvote.platform.outbox.Outbox;
import org.ownersvote.platform.problem.Problem;
import org.ownersvote.platform.problem.ProblemException;
import org.ownersvote.platform.problem.Text;
import org.ownersvote.platform.problem.When;
import org.ownersvote.platform.time.Periods;

@ApplicationScoped
public class ElectionService {

    @Inject
    BallotVoting ballotVoting;

    @Inject
    Outbox outbox;

    @Inject
    AuditLog audit;

    @Inject
    RosterService rosters;

    @Inject
    ElectoratePublisher electorates;

    @Inject
    ElectionClock clock;

    @Inject
    CandidateService candidates;

    @Inject
    Periods periods;

    @Inject
    ElectionRepository repository;

    @Inject
    CommunityRepository communities;

    /** What the working group sets for a new election; rule-pack checks on seats and alternates happen here. */
    public record NewElection(UUID communityId, String title, String rulePack, int seats, int alternates,
            int votingDays, boolean drill, List<NewMotion> motions) {
    }

    /** A motion put to the owners on the ballot, passed at its threshold. */
    public record NewMotion(String title, Motion.Threshold threshold) {
    }

    /** An election with its community, for the lists of a street or a community. */
    public record InCommunity(Election election, Community community) {
    }

    /** Creates an election in DRAFT and announces it; the event commits with the election or not at all. */
    @Transactional
    public Election create(NewElection request, String actor) {
        Community community = Community.findById(request.communityId());
        if (community == null) {
            throw ProblemException.invalid("communityId", Text.of("election.no-community", request.communityId()));
        }
        RulePack rulePack = RulePack.fromCode(request.rulePack()).orElseThrow(() -> ProblemException.invalid(
                "rulePack", Text.of("election.rule-pack-unknown", request.rulePack())));
        int alternates = request.alternates();
        List<RosterUnit> roster = rosters.units(community.id);
        Optional<BigDecimal> area = roster.isEmpty() ? Optional.empty()
                : Optional.of(Electorate.of(roster, rulePack).area());
        List<Text> violations = rulePack.committeeSizeViolations(request.seats(), alternates, area);
        if (request.votingDays() > rulePack.maximumVotingDays()) {
            throw ProblemException.invalid("votingDays",
                    Text.of("election.voting-too-long", rulePack.maximumVotingDays(),
                            rulePack.words()));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(Text.of("election.committee-size", Listing.sentences(violations)),
                    violations.stream().map(v -> Problem.FieldError.of(
                            v.key().equals("committee.alternates-out-of-range") ? "alternates" : "seats", v)).toList());
        }

        Election election = new Election();
        election.id = UUID.randomUUID();
        election.communityId = community.id;
        election.title = request.title().strip();
        election.rulePack = rulePack.code();
        election.seats = request.seats();
        election.alternates = alternates;
        election.votingDays = request.votingDays();
        election.drill = request.drill();
        election.phase = Phase.DRAFT;
        election.createdAt = OffsetDateTime.now();
        election.createdBy = actor;
        election.persist();
        int position = 0;
        for (NewMotion m : request.motions()) {
            Motion motion = new Motion();
            motion.id = UUID.randomUUID();
            motion.electionId = election.id;
            motion.position = ++position;
            motion.title = m.title().strip();
            motion.threshold = m.threshold();
            motion.persist();
        }

        audit.record(actor, "election.created", "election", election.id, election.id, election.title);
        outbox.publish(election.id, new ElectionCreated(election.id, community.id, community.name, election.title,
                election.rulePack, election.seats, election.alternates, election.votingDays, election.drill));
        return election;
    }

    /**
     * Moves the election to the next phase if the phase machine allows it, records the move and announces it.
     * Opening nomination freezes the roster and publishes the electorate in the same transaction.
     */
    @Transactional
    public Election transition(UUID electionId, Phase to, String reason, String actor) {
        Election election = lockedOrNotFound(electionId);
        OffsetDateTime now = clock.now();
        List<RosterUnit> roster = to == Phase.NOMINATION ? rosters.units(election.communityId) : List.of();
        RulePack rulePack = RulePack.fromCode(election.rulePack).orElseThrow();
        boolean hasReason = reason != null && !reason.isBlank();
        PhaseMachine.Facts facts = new PhaseMachine.Facts(rulePack, election.drill, election.seats,
                election.alternates, to == Phase.NOMINATION ? roster.size() : election.electorateUnits == null ? 0
                        : election.electorateUnits,
                to == Phase.NOMINATION ? Electorate.of(roster, rulePack).area() : election.electorateArea,
                candidates.approvedCount(election.id), candidates.unansweredObjections(election.id), now,
                to == Phase.VOTING ? publicityEnd(election, rulePack) : election.publicityEndsAt,
                election.votingDeadline, hasReason, election.finalTallyReceived,
                election.quorumMet);
        Optional<PhaseMachine.Refusal> refusal = PhaseMachine.check(election.phase, to, facts);
        if (refusal.isPresent()) {
            // the phases that may follow are named only when the one asked for is not among them; when it is, what
            // stands in the way is the condition alone
            Text detail = refusal.get().allowed().contains(to)
                    ? Text.of("transition.refused-condition", election.phase.words(), to.words(),
                            refusal.get().reason())
                    : Text.of("transition.refused", election.phase.words(), to.words(), refusal.get().reason(),
                            refusal.get().allowed().isEmpty() ? Text.of("transition.none-next")
                                    : Text.of("transition.next", Listing.of(refusal.get().allowed().stream()
                                            .map(Phase::words).toList())));
            throw new ProblemException(409, "transition-refused", detail,
                    List.of(Problem.FieldError.of("to", refusal.get().reason())));
        }
        if (to == Phase.NOMINATION && repository.freezingRoster(election.communityId).isPresent()) {
            throw ProblemException.conflict("roster-in-use", Text.of("transition.roster-in-use"));
        }
        Phase from = election.phase;
        election.phase = to;
        String recordedReason = hasReason ? reason.strip() : null;
        OffsetDateTime at = now; // when the phase changed; for the close of voting, ballot-service's instant
        switch (to) {
            case NOMINATION -> {
                election.frozenAt = now;
                electorates.publish(election, roster);
            }
            case CANDIDATE_PUBLICITY -> {
                election.publicityStartedAt = now;
                election.publicityEndsAt = election.drill ? now
                        : LegalCalendar.lawful(() -> periods.end(now, rulePack.minimumPublicityDays()));
                outbox.publish(election.id, new CandidateListPublished(election.id, election.communityId,
                        election.publicityEndsAt, candidates.ballotCandidates(election.id), election.drill));
            }
            case VOTING -> {
                election.votingOpenedAt = now;
                election.votingDeadline = votingDeadline(election, now);
                VotingOpened opened = new VotingOpened(election.id, election.communityId, election.rulePack,
                        election.seats, election.alternates, election.votingDeadline, election.electorateVersion,
                        candidates.ballotCandidates(election.id), motions(election.id).stream()
                                .map(m -> new BallotMotion(m.id, m.position, m.title, m.threshold.name())).toList(),
                        election.drill);
                ballotVoting.open(opened, now); // the ballots exist before anyone sees VOTING
                outbox.publish(election.id, opened);
            }
            case COUNTING -> {
                // ballot-service closes voting first, under its lock: that instant is the close everyone sees
                at = ballotVoting.close(election.id, Phase.COUNTING.name());
                election.votingClosedAt = at;
                if (at.isBefore(election.votingDeadline)) {
                    election.closedEarlyReason = recordedReason;
                }
            }
            case RESULT_PUBLICITY -> {
                // a drill runs through every phase, but its result is never certified as real
                if (!election.drill) {
                    election.certifiedAt = now;
                    outbox.publish(election.id, new ResultCertified(election.id, election.communityId,
                            election.ledgerHash, now));
                }
            }
            default -> {
            }
        }
        PhaseChange change = new PhaseChange();
        change.electionId = election.id;
        change.fromPhase = from;
        change.toPhase = to;
        change.at = at;
        change.actor = actor;
        change.reason = recordedReason;
        change.persist();
        audit.record(actor, "election.phase-changed", "election", election.id, election.id,
                from + " → " + to + (recordedReason == null ? "" : ": " + recordedReason));
        outbox.publish(election.id, new PhaseChanged(election.id, election.communityId, from.name(), to.name(), at,
                election.drill, election.votingDeadline, recordedReason));
        return election;
    }

    /**
     * The end of the voting period: whole days to 24:00 of the last day, Beijing time. A real election's is counted
     * as the law counts it (Periods, with the holiday calendar; refused for a year with no State Council notice). A
     * drill binds no one, so its period is the same whole days without the holiday calendar: a drill can be run on
     * any day of any year, also before next year's notice is loaded.
     */
    private OffsetDateTime votingDeadline(Election election, OffsetDateTime now) {
        return election.drill ? Periods.endOfDay(Periods.dayOf(now).plusDays(election.votingDays))
                : LegalCalendar.lawful(() -> periods.end(now, election.votingDays));
    }

    /** Records ballot-service's final tally; the working group then publishes the result or lets the election fail. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void tallyFinalized(EventEnvelope envelope, TallyFinalized tally) {
        Election election = locked(tally.electionId());
        if (election == null) {
            throw new UnreadableEventException("final tally for unknown election " + tally.electionId());
        }
        election.finalTallyReceived = true;
        election.quorumMet = tally.quorumMet();
        election.ledgerHash = tally.ledgerHash();
        audit.record("event:" + envelope.source(), "election.tally-received", "election", election.id, election.id,
                "quorum " + (tally.quorumMet() ? "met" : "not met") + ", ledger " + tally.ledgerHash());
    }

    /**
     * The end of the candidate list's publicity: as announced, or — for a list published before the end was recorded —
     * computed from its publication the same way.
     */
    private OffsetDateTime publicityEnd(Election election, RulePack rulePack) {
        if (election.publicityEndsAt != null || election.publicityStartedAt == null) {
            return election.publicityEndsAt;
        }
        return election.drill ? election.publicityStartedAt
                : LegalCalendar.lawful(() -> periods.end(election.publicityStartedAt, rulePack.minimumPublicityDays()));
    }

    /**
     * Extends voting by whole days while it runs, before its deadline has passed: the new deadline is the end of the
     * extension counted from the current deadline's last day (platform Periods), it must lie within the rule pack's
     * longest voting period from the opening, and it is announced with the reason.
     */
    @Transactional
    public Election extendVotingDeadline(UUID electionId, int days, String reason, String actor) {
        Election election = lockedOrNotFound(electionId);
        OffsetDateTime now = clock.now();
        if (election.phase != Phase.VOTING) {
            throw ProblemException.conflict("not-voting", Text.of("deadline.not-voting", election.phase.words()));
        }
        if (!now.isBefore(election.votingDeadline)) {
            throw ProblemException.conflict("deadline-passed", Text.of("deadline.passed",
                    When.of(election.votingDeadline.toInstant())));
        }
        RulePack rulePack = RulePack.fromCode(election.rulePack).orElseThrow();
        if (days > rulePack.maximumVotingDays()) {
            throw ProblemException.invalid("days", Text.of("deadline.extension-too-long", rulePack.maximumVotingDays(),
                    rulePack.words()));
        }
        OffsetDateTime deadline = LegalCalendar.lawful(() -> periods.extend(election.votingDeadline, days));
        boolean within = LegalCalendar.lawful(() -> periods.within(election.votingOpenedAt,
                rulePack.maximumVotingDays(), deadline));
        if (!within) {
            OffsetDateTime latest = periods.end(election.votingOpenedAt, rulePack.maximumVotingDays());
            throw ProblemException.invalid("days",
                    Text.of("deadline.beyond-longest", days, When.of(deadline.toInstant()),
                            rulePack.maximumVotingDays(), rulePack.words(), When.of(latest.toInstant())));
        }
        OffsetDateTime previous = election.votingDeadline;
        election.votingDeadline = deadline;
        audit.record(actor, "election.deadline-extended", "election", election.id, election.id,
                previous + " → " + deadline + " (+" + days + " days): " + reason.strip());
        outbox.publish(election.id, new VotingDeadlineExtended(election.id, election.communityId, previous, deadline,
                reason.strip(), election.drill));
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

    /** Elections of the communities of one street, newest first. */
    public List<InCommunity> ofStreet(String street) {
        List<Community> communities = this.communities.ofStreet(street);
        Map<UUID, Community> byId = communities.stream()
                .collect(Collectors.toMap(c -> c.id, c -> c));
        if (byId.isEmpty()) {
            return List.of();
        }
        return repository.ofCommunities(byId.keySet()).stream()
                .map(e -> new InCommunity(e, byId.get(e.communityId))).toList();
    }

    /** A community's elections, newest first: what its working group chooses from. */
    public List<InCommunity> ofCommunity(UUID communityId) {
        Community community = Community.findById(communityId);
        if (community == null) {
            throw ProblemException.notFound(Text.of("thing.community"), communityId);
        }
        return repository.ofCommunity(communityId).stream()
                .map(e -> new InCommunity(e, community)).toList();
    }

    /**
     * The election, locked and read afresh: a request with an Idempotency-Key runs in one transaction from the start,
     * so the resource may already have read the election unlocked; a lock on that copy would keep its old state.
     */
    private static Election locked(UUID electionId) {
        Election election = Election.findById(electionId);
        if (election != null) {
            Election.getEntityManager().refresh(election, LockModeType.PESSIMISTIC_WRITE);
        }
        return election;
    }

    /** {@link #locked}, and the 404 for an election that does not exist. */
    private Election lockedOrNotFound(UUID electionId) {
        Election election = get(electionId);
        Election.getEntityManager().refresh(election, LockModeType.PESSIMISTIC_WRITE);
        return election;
    }

    public Election get(UUID id) {
        return repository.find(id).orElseThrow(() -> ProblemException.notFound(Text.of("thing.election"), id));
    }

    /** The election's motions in ballot order. */
    public List<Motion> motions(UUID electionId) {
        return repository.motions(electionId);
    }
}
