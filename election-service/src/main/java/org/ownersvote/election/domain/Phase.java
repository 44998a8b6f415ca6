package org.ownersvote.election.domain;

/** The phases of one election (DOMAIN.md "Lifecycle"). */
public enum Phase {
    DRAFT, NOMINATION, CANDIDATE_PUBLICITY, VOTING, COUNTING, RESULT_PUBLICITY, CLOSED, FAILED
}
