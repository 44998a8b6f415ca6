package org.ownersvote.ballot.service;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.ownersvote.ballot.Ballot;
import org.ownersvote.ballot.BallotElection;
import org.ownersvote.ballot.OnlineVote;
import org.ownersvote.ballot.counting.LedgerRecord;
import org.ownersvote.ballot.domain.BallotStatus;
import org.ownersvote.ballot.domain.Mark;
import org.ownersvote.ballot.domain.ledger.LedgerChain;
import org.ownersvote.ballot.domain.ledger.LedgerHead;
import org.ownersvote.ballot.domain.tally.PaperEntry;
import org.ownersvote.ballot.domain.tally.Signature;
import org.ownersvote.ballot.repository.BallotRepository;
import org.ownersvote.ballot.repository.ElectionRepository;
import org.ownersvote.ballot.repository.LedgerRepository;
import org.ownersvote.events.EventCodec;
import org.ownersvote.platform.audit.AuditLog;

import com.fasterxml.jackson.core.type.TypeReference;

/**
 * Appends counted ballots to the election's hash-chained ledger: paper ballots when two entries agree or a
 * scrutineer resolves them, online votes all at once when counting begins. Appends of one election are serialised
 * by a lock on the election, so the chain never forks.
 */
@ApplicationScoped
public class CountedLedger {

    @Inject
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    ElectionRepository elections;

    @Inject
    BallotRepository ballots;

    @Inject
    LedgerRepository records;

    /** Records read at a time when the whole ledger is gone through: bounds the memory a tally takes. */
    private static final int PAGE = 1000;

    public LedgerHead head(BallotElection election) {
        return records.tail(election.id)
                .orElse(new LedgerHead(0, LedgerChain.genesis(election.id, election.rulePack)));
    }

    /**
     * Hands each record after position {@code after} up to {@code head}, in ledger order, to {@code reader}, a page at
     * a time ({@code after} 0: the whole ledger up to the head).
     */
    @ActivateRequestContext
    public void read(UUID electionId, int after, LedgerHead head, Consumer<LedgerRepository.Text> reader) {
        read(electionId, after, head, PAGE, reader);
    }

    /**
     * Hands each record after position {@code from} up to {@code head} to {@code reader}, {@code pageSize} records at
     * a time. Callable from a thread with no request of its own (the ledger download writes its lines as it reads).
     */
    @ActivateRequestContext
    public void read(UUID electionId, int from, LedgerHead head, int pageSize,
            Consumer<LedgerRepository.Text> reader) {
        int after = from;
        while (after < head.position()) {
            List<LedgerRepository.Text> page = records.page(electionId, after, head.position(), pageSize);
            if (page.isEmpty()) {
                throw new IllegalStateException("ledger of election " + electionId + " ends at " + after
                        + ", before its head at " + head.position());
            }
            page.forEach(reader);
            after += page.size();
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public LedgerRecord appendPaper(Ballot ballot, PaperEntry content, List<Long> entryIds, String resolvedBy) {
        Map<String, Object> record = base(ballot, "PAPER", content);
        record.put("entryIds", entryIds);
        if (resolvedBy != null) {
            record.put("resolvedBy", resolvedBy);
        }
        return append(ballot.electionId, ballot.serial, record);
    }

    /** Puts every online vote of the election into the ledger, in serial order; once, when counting begins. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int appendOnlineVotes(UUID electionId) {
        List<OnlineVote> votes = ballots.onlineVotes(electionId);
        int appended = 0;
        for (OnlineVote vote : votes) {
            if (records.counted(vote.serial)) {
                continue;
            }
            Ballot ballot = Ballot.findById(vote.ballotId);
            if (ballot.status != BallotStatus.CAST_ONLINE) {
                continue;
            }
            PaperEntry content = new PaperEntry(Signature.OWNER, marks(vote.marks), marks(vote.motions));
            Map<String, Object> record = base(ballot, "ONLINE", content);
            record.put("entryIds", List.of());
            append(electionId, ballot.serial, record);
            appended++;
        }
        if (appended > 0) {
            audit.record("system", "ledger.online-votes", "election", electionId, electionId,
                    appended + " online votes put into the ledger as counting began");
        }
        return appended;
    }

    private Map<String, Object> base(Ballot ballot, String source, PaperEntry content) {
        Map<String, Object> record = new TreeMap<>();
        record.put("serial", ballot.serial);
        record.put("building", ballot.building);
        record.put("unit", ballot.unit);
        record.put("area", ballot.area.setScale(2).toPlainString());
        record.put("personKey", ballot.personKey);
        record.put("source", source);
        record.put("signature", content.signature().name());
        record.put("marks", names(content.marks()));
        record.put("motions", names(content.motions()));
        return record;
    }

    private LedgerRecord append(UUID electionId, String serial, Map<String, Object> record) {
        BallotElection election = elections.lockedForUpdate(electionId);
        LedgerRecord last = records.last(electionId);
        int position = last == null ? 1 : last.position + 1;
        record.put("position", position);
        record.put("previousHash", last == null ? LedgerChain.genesis(election.id, election.rulePack) : last.hash);
        LedgerRecord row = new LedgerRecord();
        row.electionId = electionId;
        row.position = position;
        row.serial = serial;
        row.record = LedgerChain.canonical(record);
        row.hash = LedgerChain.sha256(row.record);
        row.recordedAt = OffsetDateTime.now();
        row.persist();
        em.flush();
        return row;
    }

    static Map<String, String> names(Map<String, Mark> marks) {
        Map<String, String> names = new TreeMap<>();
        marks.forEach((id, mark) -> names.put(id, mark.name()));
        return names;
    }

    static Map<String, Mark> marks(String json) {
        try {
            return EventCodec.mapper().readValue(json, new TypeReference<Map<String, Mark>>() {
            });
        } catch (IOException e) {
            throw new IllegalStateException("stored marks are not readable", e);
        }
    }
}
