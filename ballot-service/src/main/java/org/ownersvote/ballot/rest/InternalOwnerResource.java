package org.ownersvote.ballot.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.ownersvote.ballot.Ballot;
import org.ownersvote.ballot.BallotElection;
import org.ownersvote.ballot.repository.ElectionRepository;
import org.ownersvote.ballot.rest.dto.OwnerBallots;
import org.ownersvote.ballot.service.OwnerAccess;
import org.ownersvote.platform.security.Roles;

/**
 * Asked by the gateway at owner login: do this serial and code open a ballot? Not routed by the gateway (no /api
 * prefix) and open to the gateway's own service token only.
 */
@Path("/internal/owner-credentials")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InternalOwnerResource {

    @Inject
    OwnerAccess access;

    @Inject
    ElectionRepository elections;

    @POST
    @RolesAllowed(Roles.GATEWAY)
    public OwnerBallots.Holder check(@Valid @NotNull OwnerBallots.Credentials credentials) {
        Ballot ballot = OwnerAccess.granted(access.check(credentials.ballotSerial(), credentials.verificationCode(),
                OwnerAccess.addressSource(credentials.clientAddress())));
        BallotElection election = elections.require(ballot.electionId);
        return new OwnerBallots.Holder(ballot.serial, ballot.electionId, election.communityId, ballot.building,
                ballot.unit);
    }
}
