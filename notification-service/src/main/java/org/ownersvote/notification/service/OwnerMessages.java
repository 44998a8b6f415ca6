package org.ownersvote.notification.service;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.ownersvote.events.EventEnvelope;
import org.ownersvote.events.ballot.TallyResult;
import org.ownersvote.events.election.CandidateListPublished;
import org.ownersvote.events.election.ElectionPhase;
import org.ownersvote.events.election.PhaseChanged;
import org.ownersvote.events.election.VotingDeadlineExtended;
import org.ownersvote.events.election.VotingOpened;
import org.ownersvote.notification.Message;
import org.ownersvote.notification.NoticeElection;

/**
 * The messages election events call for: the candidate list, voting open, a later deadline, the published result
 * and a failed election, to every owner and every owners' group. Runs in the event's inbox transaction after its notice,
 * and keys each message by the event id, so a redelivered event queues nothing new.
 */
@ApplicationScoped
public class OwnerMessages {

    private static final Logger LOG = Logger.getLogger(OwnerMessages.class);

    @Inject
    MessageQueue queue;

    @Transactional(Transactional.TxType.MANDATORY)
    public void candidateList(EventEnvelope envelope, CandidateListPublished list) {
        toEveryone(envelope, list.electionId(), Message.Purpose.CANDIDATE_LIST, "publicityEnds",
                NoticeTexts.deadline(list.publicityEndsAt(), "zh"));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void votingOpened(EventEnvelope envelope, VotingOpened opened) {
        toEveryone(envelope, opened.electionId(), Message.Purpose.VOTING_OPEN, "deadline",
                NoticeTexts.deadline(opened.votingDeadline(), "zh"));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void deadlineExtended(EventEnvelope envelope, VotingDeadlineExtended extension) {
        toEveryone(envelope, extension.electionId(), Message.Purpose.DEADLINE_EXTENDED, "deadline",
                NoticeTexts.deadline(extension.deadline(), "zh"));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void phaseChanged(EventEnvelope envelope, PhaseChanged change) {
        if (change.toPhase() == ElectionPhase.FAILED) {
            toEveryone(envelope, change.electionId(), Message.Purpose.ELECTION_FAILED, "reason",
                    change.reason() == null || change.reason().isBlank() ? "" : "：" + change.reason());
        }
    }

    /** The result, once published (the notice posted): keyed like the notice, so it goes once per election. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void resultPublished(NoticeBoard.PublishedResult published) {
        TallyResult r = published.tally().result();
        String elected = String.join("、", r.candidates().stream().filter(c -> c.outcome().equals("ELECTED"))
                .map(TallyResult.Candidate::name).toList());
        toEveryone(published.about(), published.electionId(), Message.Purpose.RESULT, "outcome", !r.quorumMet()
                ? "参与表决的业主未达到三分之二，本次选举无效。" : elected.isEmpty() ? "无人当选。" : "当选委员：" + elected + "。");
    }

    /** One message per owner and per owners' group, with the election's names and the one parameter it adds. */
    private void toEveryone(EventEnvelope envelope, UUID electionId, Message.Purpose purpose, String parameter,
            String value) {
        toEveryone(envelope.id(), electionId, purpose, parameter, value);
    }

    private void toEveryone(String about, UUID electionId, Message.Purpose purpose, String parameter, String value) {
        NoticeElection election = NoticeBoard.known(electionId);
        Map<String, String> params = base(election);
        params.put(parameter, value);
        int queued = queue.toOwners(election, purpose, about, params, (building, unit) -> true)
                + queue.toGroups(election, purpose, about, params);
        LOG.infof("Queued %d %s messages for election %s", queued, purpose, election.id);
    }

    static Map<String, String> base(NoticeElection election) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("community", election.communityName);
        params.put("election", election.title);
        return params;
    }
}
