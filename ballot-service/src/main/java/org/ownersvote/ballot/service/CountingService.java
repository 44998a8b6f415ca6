package org.ownersvote.ballot.service;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.ownersvote.ballot.Ballot;
import org.ownersvote.ballot.BallotElection;
import org.ownersvote.ballot.counting.BallotCount;
import org.ownersvote.ballot.counting.CountingEntry;
import org.ownersvote.ballot.counting.LedgerRecord;
import org.ownersvote.ballot.domain.BallotStatus;
import org.ownersvote.ballot.domain.Phases;
import org.ownersvote.ballot.domain.tally.PaperEntry;
import org.ownersvote.ballot.domain.tally.Signature;
import org.ownersvote.ballot.repository.BallotRepository;
import org.ownersvote.ballot.repository.CountingRepository;
import org.ownersvote.ballot.repository.ElectionRepository;
import org.ownersvote.ballot.repository.TallyRepository;
import org.ownersvote.events.EventCodec;
import org.ownersvote.events.election.ElectionPhase;
import org.ownersvote.platform.audit.AuditLog;
import org.ownersvote.platform.metrics.Figures;
import org.ownersvote.platform.problem.Problem;
import org.ownersvote.platform.problem.ProblemException;
import org.ownersvote.platform.problem.Text;

/**
 * Double entry of returned paper ballots: two different counters enter each one; agreeing entries count it (into
 * the ledger), disagreeing ones put it in conflict until a scrutineer resolves it. Every entry and resolution stays
 * on record. Online votes need no entry.
 */
@ApplicationScoped
public class CountingService {

    @Inject
    EntityManager em;

    @Inject
    Figures figures;

    @Inject
    CountedLedger ledger;

    @Inject
    AuditLog audit;

    @Inject
    ElectionRepository elections;

    @Inject
    BallotRepository ballots;

    @Inject
    CountingRepository counts;

    @Inject
    TallyRepository tallies;

    /** What a counter learns of their entry: first or second, and the ballot's state — never the other's marks. */
    public record Entered(String serial, int entryNumber, BallotCount.State state) {
    }

    /** One counter's entry of a ballot in conflict, for the scrutineer to compare. */
    public record Entry(long entryId, String counter, PaperEntry content) {
    }

    /** A ballot whose two entries disagree. */
    public record Conflict(Ballot ballot, List<Entry> entries) {
    }

    /** A conflict a scrutineer resolved: the ballot's count and its record in the ledger. */
    public record Resolved(BallotCount count, LedgerRecord record) {
    }

    /** Records {@code counter}'s entry of a returned paper ballot (the resource checked the election's scope). */
    @Transactional
    public Entered enter(UUID electionId, String serial, PaperEntry content, String counter) {
        BallotElection election = countingElection(electionId);
        Ballot ballot = lockedBallot(election, serial);
        if (ballot.status != BallotStatus.RETURNED) {
            Text reason = ballot.status == BallotStatus.CAST_ONLINE ? Text.of("counting.voted-online")
                    : ballot.status == BallotStatus.RETURNED_LATE ? Text.of("counting.returned-late")
                    : Text.of("counting.not-returned", ballot.status.text());
            audit.recordRefusal(counter, "counting.entry", "ballot", ballot.serial, electionId, reason.english());
            throw ProblemException.conflict("entry-refused", Text.of("counting.entry-refused", ballot.serial, reason));
        }
        checkIds(election, content);
        List<CountingEntry> entries = counts.entries(ballot.id);
        for (CountingEntry mine : entries) {
            if (mine.counter.equals(counter)) {
                if (entryOf(mine).agrees(content)) {
                    // the same entry again (a retry after a lost answer): applied once, answered again
                    return new Entered(ballot.serial, entries.indexOf(mine) + 1, state(ballot).state);
                }
                throw ProblemException.conflict("entry-refused",
                        Text.of("counting.entry-refused", ballot.serial, Text.of("counting.entered-by-you")));
            }
        }
        if (entries.size() >= 2) {
            throw ProblemException.conflict("entry-refused", Text.of("counting.entry-refused", ballot.serial,
                    state(ballot).state == BallotCount.State.CONFLICT ? Text.of("counting.entered-twice-conflict")
                            : Text.of("counting.entered-twice")));
        }
        CountingEntry entry = new CountingEntry();
        entry.electionId = electionId;
        entry.ballotId = ballot.id;
        entry.serial = ballot.serial;
        entry.counter = counter;
        entry.signature = content.signature().name();
        entry.marks = EventCodec.write(content.marks());
        entry.motions = EventCodec.write(content.motions());
        entry.enteredAt = OffsetDateTime.now();
        entry.persist();
        BallotCount count = entries.isEmpty() ? newCount(ballot) : state(ballot);
        if (entries.isEmpty()) {
            count.state = BallotCount.State.FIRST_ENTERED;
        } else if (entryOf(entries.get(0)).agrees(content)) {
            count(count, content);
            ledger.appendPaper(ballot, content, List.of(entries.get(0).id, entry.id), null);
        } else {
            count.state = BallotCount.State.CONFLICT;
        }
        count.updatedAt = OffsetDateTime.now();
        figures.count("ownersvote.counting.entries");
        if (count.state == BallotCount.State.CONFLICT) {
            figures.count("ownersvote.counting.conflicts");
        }
        audit.record(counter, "counting.entry", "ballot", ballot.serial, electionId,
                "entry " + (entries.size() + 1) + " → " + count.state);
        return new Entered(ballot.serial, entries.size() + 1, count.state);
    }

    /** The election's ballots in conflict, by serial, each with its two entries. */
    public List<Conflict> conflicts(UUID electionId) {
        List<Conflict> conflicts = new ArrayList<>();
        for (BallotCount count : counts.conflicts(electionId)) {
            Ballot ballot = Ballot.findById(count.ballotId);
            List<Entry> entries = counts.entries(count.ballotId).stream()
                    .map(e -> new Entry(e.id, e.counter, entryOf(e))).toList();
            conflicts.add(new Conflict(ballot, entries));
        }
        return conflicts;
    }

    /**
     * A scrutineer's decision on a ballot in conflict, with their note. {@code resolverCounts}: the resolver holds
     * the counter role, and so may not decide (nor may one who entered this ballot).
     */
    @Transactional
    public Resolved resolve(UUID electionId, String serial, PaperEntry content, String note, String resolver,
            boolean resolverCounts) {
        BallotElection election = countingElection(electionId);
        Ballot ballot = lockedBallot(election, serial);
        BallotCount count = counts.count(ballot.id);
        if (count == null || count.state != BallotCount.State.CONFLICT) {
            throw ProblemException.conflict("not-in-conflict", Text.of("counting.not-in-conflict", serial));
        }
        List<CountingEntry> entries = counts.entries(ballot.id);
        // separation of duties: who counted a ballot does not decide its count
        if (resolverCounts || entries.stream().anyMatch(e -> e.counter.equals(resolver))) {
            audit.recordRefusal(resolver, "counting.resolution", "ballot", serial, electionId,
                    "the resolver entered this ballot or holds the counter role");
            throw ProblemException.forbidden(Text.of("counting.resolver-entered", serial));
        }
        checkIds(election, content);
        count(count, content);
        count.resolvedBy = resolver;
        count.resolutionNote = note.strip();
        count.updatedAt = OffsetDateTime.now();
        List<Long> entryIds = entries.stream().map(e -> e.id).toList();
        LedgerRecord record = ledger.appendPaper(ballot, content, entryIds, resolver);
        audit.record(resolver, "counting.resolution", "ballot", serial, electionId, count.resolutionNote);
        return new Resolved(count, record);
    }

    private BallotElection countingElection(UUID electionId) {
        BallotElection election = elections.require(electionId);
        if (election.phase() != ElectionPhase.COUNTING) {
            throw ProblemException.conflict("not-counting",
                    Text.of("counting.not-counting", Phases.text(election.phase)));
        }
        if (tallies.isFinal(electionId)) {
            throw ProblemException.conflict("tally-final", Text.of("counting.tally-final"));
        }
        return election;
    }

    private Ballot lockedBallot(BallotElection election, String serial) {
        Ballot ballot = ballots.bySerial(serial, LockModeType.PESSIMISTIC_WRITE);
        if (!ballot.electionId.equals(election.id)) {
            throw new ProblemException(404, "not-found", Text.of("counting.ballot-of-other-election", ballot.serial),
                    List.of());
        }
        return ballot;
    }

    /** Only the candidates and motions on this ballot may be marked. */
    private static void checkIds(BallotElection election, PaperEntry content) {
        OnlineVoting.BallotContent ballot = OnlineVoting.BallotContent.of(election);
        Set<String> candidates = new HashSet<>();
        ballot.candidates().forEach(c -> candidates.add(c.candidateId().toString()));
        Set<String> motions = new HashSet<>();
        ballot.motions().forEach(m -> motions.add(m.motionId().toString()));
        List<Problem.FieldError> errors = new ArrayList<>();
        content.marks().keySet().stream().filter(id -> !candidates.contains(id))
                .forEach(id -> errors.add(Problem.FieldError.of("marks." + id, Text.of("mark.not-a-candidate"))));
        content.motions().keySet().stream().filter(id -> !motions.contains(id))
                .forEach(id -> errors.add(Problem.FieldError.of("motions." + id, Text.of("mark.not-a-motion"))));
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(Text.of("counting.marks-not-on-ballot"), errors);
        }
    }

    private BallotCount state(Ballot ballot) {
        return counts.count(ballot.id);
    }

    private static BallotCount newCount(Ballot ballot) {
        BallotCount count = new BallotCount();
        count.ballotId = ballot.id;
        count.electionId = ballot.electionId;
        count.serial = ballot.serial;
        count.updatedAt = OffsetDateTime.now();
        count.state = BallotCount.State.FIRST_ENTERED;
        count.persist();
        return count;
    }

    private static void count(BallotCount count, PaperEntry content) {
        count.state = BallotCount.State.COUNTED;
        count.signature = content.signature().name();
        count.marks = EventCodec.write(content.marks());
        count.motions = EventCodec.write(content.motions());
    }

    static PaperEntry entryOf(CountingEntry e) {
        return new PaperEntry(Signature.valueOf(e.signature), CountedLedger.marks(e.marks),
                CountedLedger.marks(e.motions));
    }
}
