package org.ownersvote.ballot.service;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
import org.ownersvote.ballot.counting.FinalTally;
import org.ownersvote.ballot.counting.LedgerRecord;
import org.ownersvote.ballot.domain.BallotStatus;
import org.ownersvote.ballot.domain.Mark;
import org.ownersvote.ballot.domain.Phases;
import org.ownersvote.ballot.domain.SerialNumbers;
import org.ownersvote.ballot.domain.tally.PaperEntry;
import org.ownersvote.ballot.domain.tally.Signature;
import org.ownersvote.ballot.rest.dto.Counting;
import org.ownersvote.events.EventCodec;
import org.ownersvote.events.election.ElectionPhase;
import org.ownersvote.platform.audit.AuditLog;
import org.ownersvote.platform.problem.Problem;
import org.ownersvote.platform.problem.ProblemException;
import org.ownersvote.platform.problem.Text;
import org.ownersvote.platform.security.Caller;
import org.ownersvote.platform.security.Roles;
import org.ownersvote.platform.metrics.Figures;

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

    @Transactional
    public Counting.EntryResult enter(UUID electionId, Counting.Entry request, Caller caller) {
        BallotElection election = countingElection(electionId, caller);
        Ballot ballot = lockedBallot(election, request.serial());
        String counter = caller.username();
        if (ballot.status != BallotStatus.RETURNED) {
            Text reason = ballot.status == BallotStatus.CAST_ONLINE ? Text.of("counting.voted-online")
                    : ballot.status == BallotStatus.RETURNED_LATE ? Text.of("counting.returned-late")
                    : Text.of("counting.not-returned", ballot.status.text());
            audit.recordRefusal(counter, "counting.entry", "ballot", ballot.serial, electionId, reason.english());
            throw ProblemException.conflict("entry-refused", Text.of("counting.entry-refused", ballot.serial, reason));
        }
        PaperEntry content = new PaperEntry(request.signature(), request.marks(),
                request.motions() == null ? Map.of() : request.motions());
        checkIds(election, content);
        List<CountingEntry> entries = CountingEntry.<CountingEntry>find("ballotId = ?1 order by id", ballot.id).list();
        for (CountingEntry mine : entries) {
            if (mine.counter.equals(counter)) {
                if (entryOf(mine).agrees(content)) {
                    // the same entry again (a retry after a lost answer): applied once, answered again
                    return new Counting.EntryResult(ballot.serial, entries.indexOf(mine) + 1, state(ballot).state);
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
        return new Counting.EntryResult(ballot.serial, entries.size() + 1, count.state);
    }

    public List<Counting.Conflict> conflicts(UUID electionId, Caller caller) {
        BallotElection election = BallotElection.findById(electionId);
        if (election == null) {
            throw ProblemException.notFound(Text.of("thing.election"), electionId);
        }
        caller.requireElection(election.communityId, electionId);
        List<Counting.Conflict> conflicts = new ArrayList<>();
        for (BallotCount count : BallotCount.<BallotCount>find("electionId = ?1 and state = ?2 order by serial",
                electionId, BallotCount.State.CONFLICT).list()) {
            Ballot ballot = Ballot.findById(count.ballotId);
            List<Counting.EnteredMarks> entries = CountingEntry.<CountingEntry>find("ballotId = ?1 order by id",
                    count.ballotId).stream().map(e -> {
                        PaperEntry p = entryOf(e);
                        return new Counting.EnteredMarks(e.id, e.counter, p.signature(), p.marks(), p.motions());
                    }).toList();
            conflicts.add(new Counting.Conflict(ballot.serial, ballot.building, ballot.unit, entries));
        }
        return conflicts;
    }

    @Transactional
    public Counting.Resolved resolve(UUID electionId, String serial, Counting.Resolution resolution, Caller caller) {
        BallotElection election = countingElection(electionId, caller);
        Ballot ballot = lockedBallot(election, serial);
        BallotCount count = BallotCount.findById(ballot.id);
        if (count == null || count.state != BallotCount.State.CONFLICT) {
            throw ProblemException.conflict("not-in-conflict", Text.of("counting.not-in-conflict", serial));
        }
        List<CountingEntry> entries = CountingEntry.<CountingEntry>find("ballotId = ?1 order by id", ballot.id).list();
        // separation of duties: who counted a ballot does not decide its count
        if (caller.hasRole(Roles.COUNTER)
                || entries.stream().anyMatch(e -> e.counter.equals(caller.username()))) {
            audit.recordRefusal(caller.username(), "counting.resolution", "ballot", serial, electionId,
                    "the resolver entered this ballot or holds the counter role");
            throw ProblemException.forbidden(Text.of("counting.resolver-entered", serial));
        }
        PaperEntry content = new PaperEntry(resolution.signature(), resolution.marks(),
                resolution.motions() == null ? Map.of() : resolution.motions());
        checkIds(election, content);
        count(count, content);
        count.resolvedBy = caller.username();
        count.resolutionNote = resolution.note().strip();
        count.updatedAt = OffsetDateTime.now();
        List<Long> entryIds = entries.stream().map(e -> e.id).toList();
        LedgerRecord record = ledger.appendPaper(ballot, content, entryIds, caller.username());
        audit.record(caller.username(), "counting.resolution", "ballot", serial, electionId, count.resolutionNote);
        return new Counting.Resolved(serial, count.state, record.position, record.hash);
    }

    private BallotElection countingElection(UUID electionId, Caller caller) {
        BallotElection election = BallotElection.findById(electionId);
        if (election == null) {
            throw ProblemException.notFound(Text.of("thing.election"), electionId);
        }
        caller.requireElection(election.communityId, electionId);
        if (election.phase() != ElectionPhase.COUNTING) {
            throw ProblemException.conflict("not-counting",
                    Text.of("counting.not-counting", Phases.text(election.phase)));
        }
        if (FinalTally.findById(electionId) != null) {
            throw ProblemException.conflict("tally-final", Text.of("counting.tally-final"));
        }
        return election;
    }

    private static Ballot lockedBallot(BallotElection election, String serial) {
        Ballot ballot = Ballot.bySerial(serial, LockModeType.PESSIMISTIC_WRITE);
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

    private static BallotCount state(Ballot ballot) {
        return BallotCount.findById(ballot.id);
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
