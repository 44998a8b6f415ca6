package org.ownersvote.ballot.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ownersvote.ballot.service.BallotPrinting;
import org.ownersvote.ballot.service.OnlineVoting;
import org.ownersvote.platform.idempotency.IdempotencyKeyDocumentation;
import org.ownersvote.platform.security.Caller;
import org.ownersvote.platform.security.Roles;
import org.ownersvote.platform.time.LegalDates;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;

/**
 * Print-ready ballots (A4, HTML with print CSS) for one building, or one replacement ballot. A POST, because every
 * print gives the ballots new verification codes.
 */
@Path("/api")
@Tag(name = "Ballot printing",
        description = "Print-ready ballots (A4, one sheet per unit) with their QR and verification codes.")
public class BallotPrintResource {

    @Inject
    BallotPrinting printing;

    @Inject
    Caller caller;

    @Inject
    BallotScope scope;

    @Inject
    @Location("ballots/print.html")
    Template page;

    @POST
    @Path("/elections/{eid}/ballots/print")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(Roles.WORKING_GROUP)
    @Extension(name = IdempotencyKeyDocumentation.NOT_TAKEN,
            value = "ignored: the page holds verification codes; a reprint gives new ones")
    @Operation(summary = "Print a building's ballots")
    @APIResponse(responseCode = "200", description = "The print-ready page (HTML, A4)")
    @APIResponse(responseCode = "409",
            description = "The ballots are not issued yet or there is nothing to print (ballots-not-issued, "
                    + "nothing-to-print)")
    @APIResponse(responseCode = "503",
            description = "The ballots are still being issued (ballots-being-issued): try again after Retry-After "
                    + "seconds")
    public String print(@PathParam("eid") UUID electionId,
            @QueryParam("building") @NotBlank @Size(max = 50) String building,
            @QueryParam("serial") @Size(max = 30) String serial) {
        scope.requireBuilding(scope.election(electionId), building);
        BallotPrinting.PrintRun run = printing.print(electionId, building, serial, caller.username());
        OnlineVoting.BallotContent content = OnlineVoting.BallotContent.of(run.election());
        return page.data("election", run.election())
                .data("building", building)
                // as the law states it: 2026年12月16日24时 (platform LegalDates)
                .data("deadline", LegalDates.deadline(run.election().votingDeadline, "zh"))
                .data("candidates", content.candidates())
                .data("motions", content.motions())
                .data("ballots", run.ballots())
                .render();
    }
}
