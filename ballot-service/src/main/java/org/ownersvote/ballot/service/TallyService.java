package org.ownersvote.ballot.service;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.ownersvote.ballot.BallotElection;
import org.ownersvote.ballot.config.BallotConfig;
import org.ownersvote.ballot.counting.BallotCount;
import org.ownersvote.ballot.counting.FinalTally;
import org.ownersvote.ballot.counting.LotsDraw;
import org.ownersvote.ballot.counting.TallySignoff;
import org.ownersvote.ballot.domain.BallotStatus;
import org.ownersvote.ballot.domain.Mark;
import org.ownersvote.ballot.domain.Phases;
import org.ownersvote.ballot.domain.ledger.LedgerChain;
import org.ownersvote.ballot.domain.ledger.LedgerHead;
import org.ownersvote.ballot.domain.ledger.TallyAttestation;
import org.ownersvote.ballot.domain.tally.CountingProgress;
import org.ownersvote.ballot.domain.tally.Signature;
import org.ownersvote.ballot.domain.tally.Tally;
import org.ownersvote.ballot.domain.tally.TallyEngine;
import org.ownersvote.ballot.domain.tally.TallyInput;
import org.ownersvote.ballot.domain.tally.Threshold;
import org.ownersvote.ballot.repository.BallotRepository;
import org.ownersvote.ballot.repository.CountingRepository;
import org.ownersvote.ballot.repository.ElectionRepository;
import org.ownersvote.ballot.repository.LedgerRepository;
import org.ownersvote.ballot.repository.TallyRepository;
import org.ownersvote.events.EventCodec;
import org.ownersvote.events.ballot.TallyFinalized;
import org.ownersvote.events.ballot.TallyResult;
import org.ownersvote.events.election.BallotCandidate;
import org.ownersvote.events.election.BallotMotion;
import org.ownersvote.events.election.ElectionPhase;
import org.ownersvote.events.election.ElectorateChunk;
import org.ownersvote.platform.audit.AuditLog;
import org.ownersvote.platform.outbox.Outbox;
import org.ownersvote.platform.problem.ProblemException;
import org.ownersvote.platform.problem.Text;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The tally of an election, computed by {@link TallyEngine} from the ledger (what was counted), the frozen
 * electorate and the recorded drawings of lots; provisional until the chief scrutineer finalizes it.
 */
@ApplicationScoped
public class TallyService {

    @Inject
    ElectorateStore electorates;

    @Inject
    CountedLedger ledger;

    @Inject
    TallyCache tallies;

    @Inject
    BallotConfig config;

    @Inject
    Outbox outbox;

    @Inject
    AuditLog audit;

    @Inject
    ElectionRepository elections;

    @Inject
    BallotRepository ballots;

    @Inject
    CountingRepository counts;

    @Inject
    LedgerRepository ledgerRecords;

    @Inject
    TallyRepository tallyRecords;

    /**
     * The tally as it stands: {@code frozen} once the chief scrutineer finalized it (null while provisional), the
     * ledger's head and genesis, where counting stands and the sign-offs given.
     */
    public record Standing(BallotElection election, FinalTally frozen, String ledgerHash, String genesisHash,
            CountingProgress counting, List<TallySignoff> signoffs, int requiredSignoffs, Tally tally) {
    }

    /** What a sign-off came to: whether it agreed, on which ledger, and how many agreeing ones there are now. */
    public record SignedOff(boolean agrees, String ledgerHash, long agreeingSignoffs, int requiredSignoffs) {
    }

    public Standing view(BallotElection election) {
        FinalTally frozen = tallyRecords.finalTally(election.id).orElse(null);
        LedgerHead head = ledger.head(election);
        Tally tally = frozen != null ? read(frozen.tally, Tally.class) : compute(election, head);
        return new Standing(election, frozen, head.hash(), LedgerChain.genesis(election.id, election.rulePack),
                progress(election, head), tallyRecords.signoffs(election.id), config.requiredSignoffs(), tally);
    }

    public Tally compute(BallotElection election) {
        return compute(election, ledger.head(election));
    }

    /** The tally of the ledger up to {@code head} (read by the caller, who shows or attests it too). */
    private Tally compute(BallotElection election, LedgerHead head) {
        if (election.electorateVersion == null) {
            throw ProblemException.conflict("no-electorate", Text.of("tally.no-electorate"));
        }
        TallyCache.Basis basis = new TallyCache.Basis(election.electorateVersion, election.rulePack, election.seats,
                election.alternates, election.ballotCandidates, election.ballotMotions);
        return tallies.get(election.id, new TallyCache.Inputs(basis, head, tallyRecords.lotsDrawn(election.id)),
                new Counter(election));
    }

    /**
     * Counts one election for the cache: from its electorate, the ledger read a page at a time with each record only
     * added to the count's running sums (a large election's tally takes memory in proportion to its electorate, not
     * to its ballots), and the lots drawn.
     */
    private final class Counter implements TallyCache.Counter {

        private final BallotElection election;

        Counter(BallotElection election) {
            this.election = election;
        }

        @Override
        public TallyEngine.Count begin() {
            List<TallyInput.Unit> units = electorates.units(election.id, election.electorateVersion).stream()
                    .filter(ElectorateChunk.Unit::counted)
                    .map(u -> new TallyInput.Unit(u.building(), u.unit(), u.area(), u.personKey())).toList();
            OnlineVoting.BallotContent content = OnlineVoting.BallotContent.of(election);
            Map<String, Threshold> motions = new LinkedHashMap<>();
            content.motions().forEach(m -> motions.put(m.motionId().toString(), Threshold.valueOf(m.threshold())));
            TallyInput.Rules rules = new TallyInput.Rules(election.rulePack, election.seats, election.alternates,
                    content.candidates().stream().map(c -> c.candidateId().toString()).toList(), motions);
            return TallyEngine.begin(rules, units);
        }

        @Override
        public boolean holds(LedgerHead head) {
            return head.position() == 0
                    || ledgerRecords.hashAt(election.id, head.position()).filter(head.hash()::equals).isPresent();
        }

        @Override
        public void add(TallyEngine.Count count, int after, LedgerHead head) {
            ledger.read(election.id, after, head, text -> {
                JsonNode r = read(text.record(), JsonNode.class);
                count.add(new TallyInput.Ballot(r.get("serial").asText(), r.get("building").asText(),
                        r.get("unit").asText(), Signature.valueOf(r.get("signature").asText()),
                        marks(r.get("marks")), marks(r.get("motions"))));
            });
        }

        @Override
        public Tally tally(TallyEngine.Count count) {
            return count.tally(tallyRecords.draws(election.id).stream()
                    .map(d -> new TallyInput.Draw(read(d.candidateIds, new TypeReference<List<String>>() {
                    }))).toList());
        }
    }

    /** Where counting stands, in two reads (ballots by status, counts by state); the ledger's length is its head. */
    private CountingProgress progress(BallotElection election, LedgerHead head) {
        Map<BallotStatus, Long> byStatus = ballots.countsByStatus(election.id);
        Map<BallotCount.State, Long> byState = counts.countsByState(election.id);
        long returned = byStatus.getOrDefault(BallotStatus.RETURNED, 0L);
        long counted = byState.getOrDefault(BallotCount.State.COUNTED, 0L);
        long first = byState.getOrDefault(BallotCount.State.FIRST_ENTERED, 0L);
        long conflicts = byState.getOrDefault(BallotCount.State.CONFLICT, 0L);
        return new CountingProgress(returned, counted, first, conflicts, returned - counted - first - conflicts,
                byStatus.getOrDefault(BallotStatus.CAST_ONLINE, 0L), head.position());
    }

    /** Records a drawing of lots among tied candidates, in the drawn order, with its witnesses. */
    @Transactional
    public void drawLots(UUID electionId, List<String> drawnOrder, List<String> witnesses, String actor) {
        BallotElection election = open(electionId);
        Set<String> drawn = new HashSet<>(drawnOrder);
        boolean isOpenTie = compute(election).ties().stream()
                .anyMatch(t -> !t.drawn() && new HashSet<>(t.candidateIds()).equals(drawn));
        if (!isOpenTie || drawn.size() != drawnOrder.size()) {
            throw ProblemException.conflict("no-such-tie", Text.of("tally.no-such-tie"));
        }
        LotsDraw draw = new LotsDraw();
        draw.electionId = electionId;
        draw.candidateIds = EventCodec.write(drawnOrder);
        draw.witnesses = EventCodec.write(witnesses);
        draw.recordedBy = actor;
        draw.recordedAt = OffsetDateTime.now();
        draw.persist();
        audit.record(actor, "tally.lots-drawn", "election", electionId, electionId,
                "drawn order " + drawnOrder + ", witnesses " + witnesses);
    }

    /**
     * Records a scrutineer's sign-off if their attestation code matches the tally as it stands, or a deliberate
     * disagreement. A chief scrutineer does not sign off: they decide, and the sign-offs are the check on them.
     * A mismatching code is refused without revealing the right one. {@code attestation} may be null for a
     * deliberate disagreement ({@code disagree}, with a {@code note} saying what differs).
     */
    @Transactional
    public SignedOff signOff(UUID electionId, String attestation, boolean disagree, String note, String scrutineer) {
        BallotElection election = open(electionId);
        LedgerHead head = ledger.head(election);
        String expected = attestation(election, head.hash(), compute(election, head));
        if (attestation == null && !disagree) {
            throw ProblemException.invalid("attestation", Text.of("tally.attestation-required"));
        }
        String given = attestation == null ? null : attestation.toLowerCase(Locale.ROOT);
        boolean agrees = expected.equals(given);
        if (!agrees && !disagree) {
            audit.recordRefusal(scrutineer, "tally.signoff", "election", electionId, electionId,
                    "attestation does not match the tally as it stands");
            throw ProblemException.invalid("attestation", Text.of("tally.attestation-mismatch"));
        }
        if (!agrees && (note == null || note.isBlank())) {
            throw ProblemException.invalid("note", Text.of("tally.disagreement-needs-note"));
        }
        TallySignoff signoff = new TallySignoff();
        signoff.electionId = electionId;
        signoff.scrutineer = scrutineer;
        signoff.ledgerHash = head.hash();
        signoff.attestation = given;
        signoff.agrees = agrees;
        signoff.note = note;
        signoff.signedAt = OffsetDateTime.now();
        signoff.persist();
        audit.record(scrutineer, "tally.signoff", "election", electionId, electionId,
                (agrees ? "agrees with ledger hash " : "DISAGREES with ledger hash ") + head.hash());
        return new SignedOff(agrees, head.hash(), agreeing(electionId, expected, null), config.requiredSignoffs());
    }

    /**
     * Freezes the tally: no open conflict, every returned paper ballot counted, no tie waiting for lots, and enough
     * agreeing sign-offs on the ledger as it stands. Announces ballot.tally-finalized.
     */
    @Transactional
    public Standing finalizeTally(UUID electionId, String chief) {
        BallotElection election = open(electionId);
        BallotElection locked = elections.lockedForUpdate(electionId);
        LedgerHead ledgerHead = ledger.head(locked);
        CountingProgress progress = progress(locked, ledgerHead);
        List<Text> missing = new ArrayList<>();
        if (progress.conflicts() > 0) {
            missing.add(Text.of("tally.conflicts-waiting", progress.conflicts()));
        }
        if (progress.countedPaper() < progress.returnedPaper()) {
            missing.add(Text.of("tally.returned-not-counted", progress.returnedPaper() - progress.countedPaper()));
        }
        String head = ledgerHead.hash();
        Tally tally = compute(locked, ledgerHead);
        if (tally.ties().stream().anyMatch(t -> !t.drawn())) {
            missing.add(Text.of("tally.tie-waiting-for-lots"));
        }
        // a sign-off counts only for the ledger and figures it attested: a later count or drawing of lots voids it
        long agreeing = agreeing(electionId, attestation(locked, head, tally), chief);
        if (agreeing < config.requiredSignoffs()) {
            missing.add(Text.of("tally.signoffs-missing", agreeing, config.requiredSignoffs(), head));
        }
        if (!missing.isEmpty()) {
            throw ProblemException.conflict("cannot-finalize",
                    Text.of("tally.cannot-finalize", new Reasons(missing)));
        }
        FinalTally frozen = new FinalTally();
        frozen.electionId = electionId;
        frozen.tally = EventCodec.write(tally);
        frozen.ledgerHash = head;
        frozen.finalizedBy = chief;
        frozen.finalizedAt = OffsetDateTime.now();
        frozen.persist();
        audit.record(chief, "tally.finalized", "election", electionId, electionId,
                "ledger hash " + head + ", quorum " + (tally.quorum().met() ? "met" : "not met"));
        outbox.publish(electionId, new TallyFinalized(electionId, tally.quorum().met(), head, frozen.finalizedAt,
                result(locked, tally)));
        return view(locked);
    }

    /** The figures of the tally with the names on the ballot, for the result notice. */
    static TallyResult result(BallotElection election, Tally tally) {
        OnlineVoting.BallotContent content = OnlineVoting.BallotContent.of(election);
        Map<String, BallotCandidate> candidates = new LinkedHashMap<>();
        content.candidates().forEach(c -> candidates.put(c.candidateId().toString(), c));
        Map<String, BallotMotion> motions = new LinkedHashMap<>();
        content.motions().forEach(m -> motions.put(m.motionId().toString(), m));
        return new TallyResult(tally.rulePack(), figures(tally.electorate()), figures(tally.participation()),
                tally.participationHeadsPercent(), tally.participationAreaPercent(), tally.quorum().met(),
                tally.quorum().headcountMet(), tally.quorum().areaMet(),
                tally.candidates().stream().map(c -> {
                    BallotCandidate named = candidates.get(c.candidateId());
                    return new TallyResult.Candidate(named.candidateId(), named.name(), named.building(),
                            named.unit(), c.approvingHeads(), c.approvingArea(), c.headsPercent(), c.areaPercent(),
                            c.outcome().name());
                }).toList(),
                tally.motions().stream().map(m -> {
                    BallotMotion named = motions.get(m.motionId());
                    return new TallyResult.Motion(named.motionId(), named.title(), m.threshold().name(),
                            m.approvingHeads(), m.approvingArea(), m.headsPercent(), m.areaPercent(), m.passes());
                }).toList(),
                tally.vacancies());
    }

    private static TallyResult.Figures figures(Tally.Figures f) {
        return new TallyResult.Figures(f.units(), f.area(), f.headcount());
    }

    /** The election while counting and before the tally is final (the resource checked the caller's scope). */
    private BallotElection open(UUID electionId) {
        BallotElection election = elections.require(electionId);
        if (election.phase() != ElectionPhase.COUNTING) {
            throw ProblemException.conflict("not-counting",
                    Text.of("tally.not-counting", Phases.text(election.phase)));
        }
        if (tallyRecords.isFinal(electionId)) {
            throw ProblemException.conflict("tally-final", Text.of("tally.final"));
        }
        return election;
    }

    /** The code a scrutineer's verifier prints for this ledger and these figures (TallyAttestation says how). */
    private static String attestation(BallotElection election, String head, Tally tally) {
        return TallyAttestation.of(election.id, head, EventCodec.mapper().valueToTree(tally));
    }

    /** Distinct scrutineers who attested the ledger and figures as they stand; never the one who finalizes. */
    private long agreeing(UUID electionId, String attestation, String finalizer) {
        return tallyRecords.agreeing(electionId, attestation).stream().map(s -> s.scrutineer)
                .filter(s -> !s.equals(finalizer)).distinct().count();
    }

    private static Map<String, Mark> marks(JsonNode node) {
        Map<String, Mark> marks = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> marks.put(e.getKey(), Mark.valueOf(e.getValue().asText())));
        return marks;
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return EventCodec.mapper().readValue(json, type);
        } catch (IOException e) {
            throw new IllegalStateException("stored JSON is not readable", e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return EventCodec.mapper().readValue(json, type);
        } catch (IOException e) {
            throw new IllegalStateException("stored JSON is not readable", e);
        }
    }
}
