package org.ownersvote.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.ownersvote.platform.election.ElectionCopy;

/**
 * notification-service's copy of an election: the names notices print (from election.created), and the phase and
 * voting deadline reminder campaigns go by. Its phase is null before the first phase change.
 */
@Entity
@Table(name = "election")
public class NoticeElection extends ElectionCopy {

    /**
     * The final tally as ballot.tally-finalized carried it (JSON), kept until the result is published; null before it
     * arrives.
     */
    @Column(name = "final_tally")
    public String finalTally;
}
