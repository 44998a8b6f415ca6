package org.ownersvote.election.rest.dto;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.ownersvote.election.Election;
import org.ownersvote.election.Motion;
import org.ownersvote.election.domain.Electorate;
import org.ownersvote.election.domain.Phase;
import org.ownersvote.election.domain.PhaseMachine;

/** @param electorate as frozen when nomination opened (then {@code frozen} is true), or as the roster stands */
public record ElectionView(
        UUID id,
        UUID communityId,
        String title,
        String rulePack,
        int seats,
        int alternates,
        int votingDays,
        boolean drill,
        Phase phase,
        List<Phase> phases,
        List<Phase> nextPhases,
        OffsetDateTime createdAt,
        boolean frozen,
        ElectorateView electorate,
        OffsetDateTime publicityStartedAt,
        OffsetDateTime publicityEndsAt,
        OffsetDateTime votingOpenedAt,
        OffsetDateTime votingDeadline,
        OffsetDateTime votingClosedAt,
        String closedEarlyReason,
        List<MotionView> motions,
        String ledgerHash,
        boolean certified) {

    public record MotionView(UUID id, int position, String title, Motion.Threshold threshold) {
    }

    public static ElectionView of(Election e, Electorate electorate, List<Motion> motions) {
        return new ElectionView(e.id, e.communityId, e.title, e.rulePack, e.seats, e.alternates, e.votingDays,
                e.drill, e.phase, PhaseMachine.path(e.phase),
                PhaseMachine.allowedNext(e.phase).stream().sorted().toList(), e.createdAt, e.frozenAt != null,
                ElectorateView.of(e.rulePack, electorate),
                e.publicityStartedAt, e.publicityEndsAt, e.votingOpenedAt, e.votingDeadline, e.votingClosedAt,
                e.closedEarlyReason,
                motions.stream().map(m -> new MotionView(m.id, m.position, m.title, m.threshold)).toList(),
                e.ledgerHash, e.certifiedAt != null);
    }
}
