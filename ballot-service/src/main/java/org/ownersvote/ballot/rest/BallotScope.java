package org.ownersvote.ballot.rest;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.ownersvote.ballot.BallotElection;
import org.ownersvote.ballot.repository.BallotRepository;
import org.ownersvote.ballot.repository.ElectionRepository;
import org.ownersvote.platform.problem.ProblemException;
import org.ownersvote.platform.problem.Text;
import org.ownersvote.platform.security.Caller;
import org.ownersvote.platform.security.Roles;

/**
 * The object scope of ballot-service's callers, checked by the resources before they call a service, as election-
 * and notification-service check theirs: the election's community and the one election a staff account may be bound
 * to ({@link Caller#requireElection}), and a building leader's own buildings. Services take the actor's name and
 * never see the caller.
 */
@ApplicationScoped
public class BallotScope {

    @Inject
    Caller caller;

    @Inject
    ElectionRepository elections;

    @Inject
    BallotRepository ballots;

    /** The election if the caller's scope covers it: 404 if unknown, 403 outside the caller's scope. */
    public BallotElection election(UUID electionId) {
        BallotElection election = elections.require(electionId);
        caller.requireElection(election.communityId, election.id);
        return election;
    }

    /** The caller's election scope, and a building leader's own buildings: a building leader must name one. */
    public void requireBuilding(BallotElection election, String building) {
        requireBuilding(election.communityId, election.id, building);
    }

    /**
     * Where the ballot with this serial belongs, if the caller's scope covers it. Serials are sequential, so a ballot
     * outside the caller's scope is answered exactly as one that does not exist: a refusal would tell that it does.
     */
    public BallotRepository.Place ballot(String serial) {
        BallotRepository.Place place = ballots.place(serial);
        try {
            requireBuilding(place.communityId(), place.electionId(), place.building());
        } catch (ProblemException outsideScope) {
            throw ProblemException.notFound(Text.of("thing.ballot"), place.serial());
        }
        return place;
    }

    private void requireBuilding(UUID communityId, UUID electionId, String building) {
        caller.requireElection(communityId, electionId);
        if (caller.hasRole(Roles.BUILDING_LEADER) && !caller.hasRole(Roles.WORKING_GROUP)
                && (building == null || !caller.buildings().contains(building))) {
            throw ProblemException.forbidden(building == null ? Text.of("scope.building-leader-needs-building")
                    : Text.of("scope.other-buildings", building));
        }
    }
}
