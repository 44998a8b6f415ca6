package org.ownersvote.notification.service;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.ownersvote.events.EventEnvelope;
import org.ownersvote.events.ballot.TallyFinalized;
import org.ownersvote.events.ballot.TallyResult;
import org.ownersvote.events.election.CandidateListPublished;
import org.ownersvote.events.election.PhaseChanged;
import org.ownersvote.events.election.VotingDeadlineExtended;
import org.ownersvote.events.election.VotingOpened;
import org.ownersvote.notification.Message;
import org.ownersvote.notification.NoticeElection;

/**
 * The messages election events call for: the candidate list, voting open, a later deadline, the result and a
 * failed election, to every owner and every owners' group. Runs in the event's inbox transaction after its notice,
 * and keys each message by the event id, so a redelivered event queues nothing new.
 */
@ApplicationScoped
public class OwnerMessages {

    private static final Logger LOG = Logger.getLogger(OwnerMessages.class);

    @Inject
    MessageQueue queue;

    @Transactional(Transactional.TxType.MANDATORY)
    public void candidateList(EventEnvelope envelope, CandidateListPublished list) {
        NoticeElection election = NoticeBoard.known(list.electionId());
        Map<String, String> params = base(election);
        params.put("publicityEnds", NoticeTexts.when(list.publicityEndsAt(), "zh"));
        toEveryone(envelope, election, Message.Purpose.CANDIDATE_LIST, params);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void votingOpened(EventEnvelope envelope, VotingOpened opened) {
        NoticeElection election = NoticeBoard.known(opened.electionId());
        Map<String, String> params = base(election);
        params.put("deadline", NoticeTexts.when(opened.votingDeadline(), "zh"));
        toEveryone(envelope, election, Message.Purpose.VOTING_OPEN, params);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void deadlineExtended(EventEnvelope envelope, VotingDeadlineExtended extension) {
        NoticeElection election = NoticeBoard.known(extension.electionId());
        Map<String, String> params = base(election);
        params.put("deadline", NoticeTexts.when(extension.deadline(), "zh"));
        toEveryone(envelope, election, Message.Purpose.DEADLINE_EXTENDED, params);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void phaseChanged(EventEnvelope envelope, PhaseChanged change) {
        if ("FAILED".equals(change.to())) {
            NoticeElection election = NoticeBoard.known(change.electionId());
        Map<String, String> params = base(election);
            params.put("reason", change.reason() == null || change.reason().isBlank() ? "" : "：" + change.reason());
            toEveryone(envelope, election, Message.Purpose.ELECTION_FAILED, params);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void result(EventEnvelope envelope, TallyFinalized tally) {
        if (tally.result() == null) {
            return;
        }
        TallyResult r = tally.result();
        NoticeElection election = NoticeBoard.known(tally.electionId());
        Map<String, String> params = base(election);
        String elected = String.join("、", r.candidates().stream().filter(c -> c.outcome().equals("ELECTED"))
                .map(TallyResult.Candidate::name).toList());
        params.put("outcome", !r.quorumMet() ? "参与表决的业主未达到三分之二，本次选举无效。"
                : elected.isEmpty() ? "无人当选。" : "当选委员：" + elected + "。");
        toEveryone(envelope, election, Message.Purpose.RESULT, params);
    }

    private void toEveryone(EventEnvelope envelope, NoticeElection election, Message.Purpose purpose,
            Map<String, String> params) {
        int queued = queue.toOwners(election, purpose, envelope.id(), params, (building, unit) -> true)
                + queue.toGroups(election, purpose, envelope.id(), params);
        LOG.infof("Queued %d %s messages for election %s", queued, purpose, election.id);
    }

    static Map<String, String> base(NoticeElection election) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("community", election.communityName);
        params.put("election", election.title);
        return params;
    }
}
