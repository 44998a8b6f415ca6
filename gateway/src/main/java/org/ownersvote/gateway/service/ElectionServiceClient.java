package org.ownersvote.gateway.service;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;

import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.ownersvote.platform.problem.ProblemException;
import org.ownersvote.platform.problem.ServiceRefusal;
import org.ownersvote.platform.problem.Text;

/**
 * Asks election-service, with the caller's own token, which community an election belongs to and which buildings a
 * community's roster has. election-service checks the caller's scope itself, so an election outside it answers 403
 * or 404 here too; a service that does not answer is a 503.
 */
@ApplicationScoped
public class ElectionServiceClient {

    private static final Logger LOG = Logger.getLogger(ElectionServiceClient.class);

    @Inject
    @RestClient
    ElectionServiceRestClient election;

    /** The buildings on the community's roster (empty before a roster is imported), under the caller's token. */
    public List<String> rosterBuildings(UUID communityId, String callerToken) {
        try {
            List<String> buildings = new ArrayList<>();
            election.rosterBuildings(communityId, "Bearer " + callerToken)
                    .forEach(b -> buildings.add(b.path("building").asText()));
            return buildings;
        } catch (ServiceRefusal refusal) {
            if (refusal.status() == 404) {
                return List.of(); // no roster yet
            }
            throw refused(refusal, "the buildings of " + communityId);
        } catch (ProcessingException | FaultToleranceException e) {
            throw unreachable(e);
        }
    }

    public UUID communityOf(UUID electionId, String callerToken) {
        try {
            return UUID.fromString(election.election(electionId, "Bearer " + callerToken).path("communityId").asText());
        } catch (ServiceRefusal refusal) {
            if (refusal.status() == 404) {
                throw ProblemException.notFound(Text.of("thing.election"), electionId);
            }
            throw refused(refusal, "election " + electionId);
        } catch (ProcessingException | FaultToleranceException e) {
            throw unreachable(e);
        }
    }

    /** Outside the caller's scope is the caller's 403; any other refusal is the service failing. */
    private static ProblemException refused(ServiceRefusal refusal, String what) {
        if (refusal.status() == 403) {
            return ProblemException.forbidden(Text.of("staff.election-not-covered"));
        }
        LOG.errorf("election-service answered %d for %s", refusal.status(), what);
        return unavailable();
    }

    private static ProblemException unreachable(RuntimeException e) {
        LOG.warnf("election-service unreachable: %s", e.getMessage());
        return unavailable();
    }

    private static ProblemException unavailable() {
        return new ProblemException(503, "service-unavailable",
                Text.of("problem.service-unavailable", Text.of("service.election-service")), List.of());
    }
}
