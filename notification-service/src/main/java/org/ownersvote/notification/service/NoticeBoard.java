package org.ownersvote.notification.service;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.ownersvote.events.EventCodec;
import org.ownersvote.events.EventEnvelope;
import org.ownersvote.events.UnreadableEventException;
import org.ownersvote.events.ballot.TallyFinalized;
import org.ownersvote.events.ballot.TallyResult;
import org.ownersvote.events.election.CandidateListPublished;
import org.ownersvote.events.election.ElectionCreated;
import org.ownersvote.events.election.ElectionPhase;
import org.ownersvote.events.election.ObjectionAnswered;
import org.ownersvote.events.election.PhaseChanged;
import org.ownersvote.events.election.VotingDeadlineExtended;
import org.ownersvote.events.election.VotingOpened;
import org.ownersvote.notification.Notice;
import org.ownersvote.notification.NoticeElection;
import org.ownersvote.notification.repository.NoticeRepository;
import org.ownersvote.platform.audit.AuditLog;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Posts notices on a community's board from the events that call for them, in Chinese and English. Each handler
 * runs inside the inbox transaction, so an event posts its notice once however often it is delivered.
 */
@ApplicationScoped
public class NoticeBoard {

    private static final Logger LOG = Logger.getLogger(NoticeBoard.class);

    @Inject
    AuditLog audit;

    @Inject
    NoticeTexts texts;

    @Inject
    NoticeRepository notices;

    @Transactional(Transactional.TxType.MANDATORY)
    public void electionStarted(EventEnvelope envelope, ElectionCreated created) {
        NoticeElection election = NoticeElection.findById(created.electionId());
        if (election == null) {
            election = new NoticeElection();
            election.copy(created);
            election.persist();
        }
        post(envelope, election, Notice.Kind.ELECTION_STARTED, null, lang -> Map.of(
                "votingDays", created.votingDays(), "rulePackName", NoticeTexts.rulePackName(created.rulePack(), "zh"),
                "rulePackNameEn", NoticeTexts.rulePackName(created.rulePack(), "en")));
    }

    /**
     * Nomination opening, voting closed before its deadline, the published result and a failed election are
     * announced; the other phase changes have notices of their own. Returns the result when this change published
     * it (for the owners' messages).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<PublishedResult> phaseChanged(EventEnvelope envelope, PhaseChanged change) {
        NoticeElection election = locked(change.electionId());
        election.phase = change.toPhase().name();
        if (change.toPhase() == ElectionPhase.NOMINATION) {
            post(envelope, election, Notice.Kind.NOMINATION_OPEN, null, lang -> Map.of());
        } else if (closedEarly(change)) {
            post(envelope, election, Notice.Kind.VOTING_CLOSED_EARLY, null, lang -> Map.of(
                    "closedAt", NoticeTexts.when(change.at(), lang),
                    "deadline", NoticeTexts.deadline(change.votingDeadline(), lang),
                    "reason", change.reason() == null ? "" : change.reason()));
        } else if (change.toPhase() == ElectionPhase.FAILED) {
            return failed(envelope, election, change);
        } else if (change.toPhase() == ElectionPhase.RESULT_PUBLICITY) {
            return publishResult(envelope.time(), election);
        }
        return Optional.empty();
    }

    /** Voting moved to counting before its deadline: the working group closed it early, with its reason. */
    static boolean closedEarly(PhaseChanged change) {
        return change.fromPhase() == ElectionPhase.VOTING && change.toPhase() == ElectionPhase.COUNTING
                && change.votingDeadline() != null
                && change.at().isBefore(change.votingDeadline());
    }

    /**
     * The figures of the final tally, kept until the working group publishes the result; the result is published here
     * when the election already reached RESULT_PUBLICITY (the two events travel on different topics, in either order).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<PublishedResult> tallyFinalized(EventEnvelope envelope, TallyFinalized tally) {
        NoticeElection election = locked(tally.electionId());
        election.finalTally = EventCodec.write(tally);
        return election.phase() == ElectionPhase.RESULT_PUBLICITY || election.phase() == ElectionPhase.CLOSED
                ? publishResult(envelope.time(), election)
                : Optional.empty();
    }

    /** The result as published: what the owners' messages say. {@code about} keys the messages as it keys the notice. */
    public record PublishedResult(UUID electionId, String about, TallyFinalized tally) {
    }

    /** The one notice of an election's outcome, result or failure: its key, so that there can never be two. */
    static String outcomeKey(UUID electionId) {
        return "outcome:" + electionId;
    }

    /**
     * Whether the election's outcome is on the board: by its key, or — for an election counted before the result
     * waited for publication, whose result notice was keyed by the tally event — by kind.
     */
    private boolean outcomePosted(NoticeElection election) {
        return notices.posted(outcomeKey(election.id), election.id,
                List.of(Notice.Kind.RESULT, Notice.Kind.ELECTION_FAILED));
    }

    /** The result notice, with the table real notices print and the ledger hash anyone can check. */
    private Optional<PublishedResult> publishResult(OffsetDateTime at, NoticeElection election) {
        String about = outcomeKey(election.id);
        if (election.finalTally == null || outcomePosted(election)) {
            return Optional.empty(); // the tally has not arrived yet (it posts the notice then), or already posted
        }
        TallyFinalized tally = storedTally(election);
        if (tally.result() == null) {
            LOG.warnf("Final tally of %s carries no figures; no result notice", tally.electionId());
            return Optional.empty();
        }
        TallyResult r = tally.result();
        post(about, at == null ? OffsetDateTime.now() : at, election, Notice.Kind.RESULT, null, lang -> Map.of("r", r,
                "ledgerHash", tally.ledgerHash(), "quorumText", quorumText(r, lang), "placesText",
                placesText(r, lang)));
        return Optional.of(new PublishedResult(election.id, about, tally));
    }

    /** The one notice of a failed election, with the participation figures when the final tally is known. */
    private Optional<PublishedResult> failed(EventEnvelope envelope, NoticeElection election, PhaseChanged change) {
        String about = outcomeKey(election.id);
        if (outcomePosted(election)) {
            return Optional.empty();
        }
        TallyResult r = election.finalTally == null ? null : storedTally(election).result();
        post(about, envelope.time() == null ? OffsetDateTime.now() : envelope.time(), election,
                Notice.Kind.ELECTION_FAILED, null, lang -> Map.of(
                        "reason", change.reason() == null ? "" : change.reason(),
                        "participation", r == null ? "" : participationText(r, lang)));
        return Optional.empty();
    }

    private static TallyFinalized storedTally(NoticeElection election) {
        try {
            return EventCodec.mapper().readValue(election.finalTally, TallyFinalized.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored final tally of " + election.id + " is unreadable", e);
        }
    }

    /** How many owners and how much area took part, of all. */
    private static String participationText(TallyResult r, String language) {
        String heads = NoticeFormats.twoDecimals(r.participationHeadsPercent());
        String area = NoticeFormats.twoDecimals(r.participation().area());
        String areaShare = NoticeFormats.twoDecimals(r.participationAreaPercent());
        return language.equals("zh")
                ? "参与表决的业主" + r.participation().headcount() + "人，占总人数的" + heads + "%；参与表决的专有部分面积"
                        + area + "平方米，占总面积的" + areaShare + "%。"
                : r.participation().headcount() + " owners took part (" + heads + "% of owners), with " + area
                        + " m² (" + areaShare + "% of the area).";
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void candidateList(EventEnvelope envelope, CandidateListPublished list) {
        post(envelope, known(list.electionId()), Notice.Kind.CANDIDATE_LIST, list.publicityEndsAt(), lang -> Map.of(
                "candidates", list.candidates(), "publicityEnds", NoticeTexts.deadline(list.publicityEndsAt(), lang)));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void objectionAnswered(EventEnvelope envelope, ObjectionAnswered answer) {
        post(envelope, known(answer.electionId()), Notice.Kind.OBJECTION_ANSWERED, null,
                lang -> Map.of("objection", answer));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void votingOpened(EventEnvelope envelope, VotingOpened opened) {
        NoticeElection election = known(opened.electionId());
        election.phase = ElectionPhase.VOTING.name();
        election.votingDeadline = opened.votingDeadline();
        post(envelope, known(opened.electionId()), Notice.Kind.VOTING_OPEN, opened.votingDeadline(), lang -> Map.of(
                "deadline", NoticeTexts.deadline(opened.votingDeadline(), lang),
                "candidateCount", opened.candidates().size(), "motionCount", opened.motions().size()));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void deadlineExtended(EventEnvelope envelope, VotingDeadlineExtended extension) {
        known(extension.electionId()).votingDeadline = extension.deadline();
        post(envelope, known(extension.electionId()), Notice.Kind.DEADLINE_EXTENDED, extension.deadline(),
                lang -> Map.of("previousDeadline", NoticeTexts.deadline(extension.previousDeadline(), lang),
                        "deadline", NoticeTexts.deadline(extension.deadline(), lang), "reason", extension.reason()));
    }

    /** Whether two thirds took part, and if not, by which measure it fell short. */
    private static String quorumText(TallyResult r, String language) {
        boolean zh = language.equals("zh");
        if (r.quorumMet()) {
            return zh ? "参与表决的人数和面积均达到三分之二以上。" : "Both reach two thirds.";
        }
        String shortBy = !r.quorumHeadcountMet() && !r.quorumAreaMet() ? (zh ? "人数和面积" : "by owners and by area")
                : !r.quorumHeadcountMet() ? (zh ? "人数" : "by owners") : (zh ? "面积" : "by area");
        return zh ? "参与表决的" + shortBy + "未达到三分之二，本次选举无效，未产生委员。"
                : "Participation " + shortBy + " is below two thirds: the election is void and no one is elected.";
    }

    /** Who is elected, the alternates, and the seats left vacant. */
    private static String placesText(TallyResult r, String language) {
        if (!r.quorumMet()) {
            return "";
        }
        boolean zh = language.equals("zh");
        String elected = names(r, "ELECTED", language);
        String alternates = names(r, "ALTERNATE", language);
        StringBuilder text = new StringBuilder(zh ? "当选委员：" : "Elected: ")
                .append(elected.isEmpty() ? (zh ? "无" : "none") : elected).append(zh ? "。" : ".");
        if (!alternates.isEmpty()) {
            text.append(zh ? "候补委员：" + alternates + "。" : " Alternates: " + alternates + ".");
        }
        if (r.vacancies() > 0) {
            text.append(zh ? "尚有" + r.vacancies() + "名委员空缺，需进行补选。"
                    : " " + r.vacancies() + " seats are vacant; a by-election is needed.");
        }
        return text.toString();
    }

    private static String names(TallyResult r, String outcome, String language) {
        return String.join(language.equals("zh") ? "、" : ", ",
                r.candidates().stream().filter(c -> c.outcome().equals(outcome))
                        .map(TallyResult.Candidate::name).toList());
    }

    /**
     * The election, locked: ballot events and election events are consumed on two threads, and the final tally and the
     * move to RESULT_PUBLICITY must see each other (the later of the two posts the result).
     */
    static NoticeElection locked(UUID electionId) {
        NoticeElection election = NoticeElection.findById(electionId, LockModeType.PESSIMISTIC_WRITE);
        if (election == null) {
            throw new UnreadableEventException("event for unknown election " + electionId);
        }
        return election;
    }

    static NoticeElection known(UUID electionId) {
        NoticeElection election = NoticeElection.findById(electionId);
        if (election == null) {
            throw new UnreadableEventException("event for unknown election " + electionId);
        }
        return election;
    }

    /**
     * The ballots building leaders could not deliver, so that their owners come for them; posted by the daily
     * campaign, at most once a day, and only when the list differs from the last one posted.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean undeliverable(NoticeElection election, String about, OffsetDateTime at,
            List<BallotStates.UnitState> units) {
        if (units.isEmpty() || notices.posted(about)) {
            return false;
        }
        Map<String, Object> zh = Map.of("units", units, "count", units.size(), "deadline",
                NoticeTexts.deadline(election.votingDeadline, "zh"));
        Notice last = notices.latest(election.id, Notice.Kind.UNDELIVERABLE_BALLOTS);
        NoticeTexts.Text body = texts.render(Notice.Kind.UNDELIVERABLE_BALLOTS, "zh", election.drill,
                with(election, zh));
        if (last != null && last.body.equals(body.body())) {
            return false;
        }
        post(about, at, election, Notice.Kind.UNDELIVERABLE_BALLOTS, election.votingDeadline, lang -> Map.of(
                "units", units, "count", units.size(), "deadline",
                NoticeTexts.deadline(election.votingDeadline, lang)));
        return true;
    }

    private void post(EventEnvelope envelope, NoticeElection election, Notice.Kind kind,
            OffsetDateTime publicityEndsAt, Function<String, Map<String, Object>> data) {
        post(envelope.id(), envelope.time() == null ? OffsetDateTime.now() : envelope.time(), election, kind,
                publicityEndsAt, data);
    }

    /** Renders the notice in both languages and posts it; {@code data} gives a language's template data. */
    private void post(String about, OffsetDateTime publishedAt, NoticeElection election, Notice.Kind kind,
            OffsetDateTime publicityEndsAt, Function<String, Map<String, Object>> data) {
        NoticeTexts.Text zh = texts.render(kind, "zh", election.drill, with(election, data.apply("zh")));
        NoticeTexts.Text en = texts.render(kind, "en", election.drill, with(election, data.apply("en")));
        Notice notice = new Notice();
        notice.id = UUID.randomUUID();
        notice.communityId = election.communityId;
        notice.electionId = election.id;
        notice.kind = kind;
        notice.title = zh.title();
        notice.body = zh.body();
        notice.titleEn = en.title();
        notice.bodyEn = en.body();
        notice.drill = election.drill;
        notice.publishedAt = publishedAt;
        notice.publicityEndsAt = publicityEndsAt;
        notice.sourceEventId = about;
        notice.persist();
        audit.record("event:" + about, "notice.published", "notice", notice.id, election.id,
                notice.title);
        LOG.infof("Posted notice %s (%s) for election %s", notice.id, kind, election.id);
    }

    private static Map<String, Object> with(NoticeElection election, Map<String, Object> data) {
        Map<String, Object> all = new HashMap<>(data);
        all.put("election", election);
        return all;
    }
}
