package org.ownersvote.notification.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.ownersvote.events.election.ElectionPhase;
import org.ownersvote.notification.NoticeElection;

/** notification-service's copies of the elections ({@code election}). */
@ApplicationScoped
public class ElectionRepository {

    /** The elections in VOTING with a deadline: those the reminder campaigns go by. */
    public List<NoticeElection> voting() {
        return NoticeElection.list("phase = ?1 and votingDeadline is not null", ElectionPhase.VOTING.name());
    }
}
