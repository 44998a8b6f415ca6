package org.ownersvote.election.rest;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ownersvote.election.RosterAmendment;
import org.ownersvote.election.domain.RulePack;
import org.ownersvote.election.repository.RosterRepository;
import org.ownersvote.election.rest.dto.AmendmentRequest;
import org.ownersvote.election.rest.dto.ElectorateView;
import org.ownersvote.election.rest.dto.RosterImportView;
import org.ownersvote.election.rest.dto.RosterPage;
import org.ownersvote.election.service.RosterService;
import org.ownersvote.election.service.roster.RosterFile;
import org.ownersvote.platform.idempotency.Idempotent;
import org.ownersvote.platform.problem.ProblemException;
import org.ownersvote.platform.problem.Text;
import org.ownersvote.platform.security.Caller;
import org.ownersvote.platform.security.Roles;

@Path("/api/communities/{cid}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Roster",
        description = "The owners' roster of a community (imported from CSV or Excel), its amendments once "
                + "frozen, and the electorate it gives.")
public class RosterResource {

    @Inject
    RosterService rosters;

    @Inject
    RosterRepository roster;

    @Inject
    Caller caller;

    /** Largest roster file accepted; a 100,000-unit CSV is about 9 MB. */
    @ConfigProperty(name = "ownersvote.roster.max-upload-bytes", defaultValue = "16777216")
    long maxUploadBytes;

    @PUT
    @Path("/roster")
    @Consumes({ RosterFile.CSV, RosterFile.XLSX })
    @RolesAllowed(Roles.WORKING_GROUP)
    @Idempotent
    @Operation(summary = "Import the roster from a CSV or Excel file")
    @APIResponse(responseCode = "200", description = "The roster imported: what changed and the electorate")
    @APIResponse(responseCode = "409", description = "An election has frozen the roster (roster-frozen)")
    @APIResponse(responseCode = "413", description = "The file is larger than the upload limit (too-large)")
    @APIResponse(responseCode = "415", description = "The file is neither CSV nor Excel (unsupported-media-type)")
    @APIResponse(responseCode = "422",
            description = "The file cannot be read or rows are invalid: errors[] lists every bad row, and nothing "
                    + "was imported")
    public RosterImportView importRoster(@PathParam("cid") UUID communityId,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength, InputStream body) throws IOException {
        caller.requireCommunity(communityId);
        if (contentLength != null && contentLength > maxUploadBytes) {
            throw tooLarge();
        }
        byte[] file = body.readNBytes((int) maxUploadBytes + 1);
        if (file.length > maxUploadBytes) {
            throw tooLarge();
        }
        return RosterImportView.of(rosters.importRoster(communityId, file, contentType, caller.username()));
    }

    @GET
    @Path("/roster")
    @RolesAllowed({ Roles.ADMIN, Roles.STREET_OFFICE, Roles.WORKING_GROUP })
    @Operation(summary = "List the roster, a page at a time")
    public RosterPage roster(@PathParam("cid") UUID communityId,
            @QueryParam("building") @Size(max = 50) String building,
            @QueryParam("q") @Size(max = 50) String search,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        caller.requireCommunity(communityId);
        rosters.community(communityId);
        // the working group calls owners; oversight roles see masked numbers
        boolean fullPhones = caller.hasRole(Roles.WORKING_GROUP);
        String q = search == null || search.isBlank() ? null : search.strip();
        List<RosterPage.Unit> items = roster.page(communityId, building, q, page, size).stream()
                .map(e -> RosterPage.Unit.of(e, fullPhones)).toList();
        return new RosterPage(items, page, size, roster.countIn(communityId, building, q));
    }

    /**
     * The roster's buildings with their number of units, in natural order: what a working group chooses a building
     * leader's buildings from (the gateway checks an account's buildings against it).
     */
    @GET
    @Path("/roster/buildings")
    @RolesAllowed({ Roles.ADMIN, Roles.STREET_OFFICE, Roles.WORKING_GROUP })
    @Operation(summary = "List the roster's buildings with their number of units")
    public List<RosterBuilding> buildings(@PathParam("cid") UUID communityId) {
        caller.requireCommunity(communityId);
        rosters.community(communityId);
        return roster.buildings(communityId).stream()
                .map(b -> new RosterBuilding(b.building(), b.units())).toList();
    }

    /** One building of the roster and how many units it has. */
    public record RosterBuilding(String building, int units) {
    }

    @POST
    @Path("/roster/amendments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.WORKING_GROUP)
    @Idempotent
    @Operation(summary = "Amend the frozen roster before voting opens")
    @APIResponse(responseCode = "201", description = "The amendment, recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AmendmentView.class)))
    @APIResponse(responseCode = "409",
            description = "No election has frozen the roster, or voting has opened (voting-opened)")
    public Response amend(@PathParam("cid") UUID communityId, @Valid @NotNull AmendmentRequest request) {
        caller.requireCommunity(communityId);
        RosterAmendment amendment = rosters.amend(communityId, new RosterService.Amendment(request.building(),
                request.unit(), request.change(), request.reason(), request.kind(), request.areaM2(), request.owners(),
                request.ownerRef(), request.phone(), request.developerHeld()), caller.username());
        return Response.status(201).entity(new AmendmentView(amendment.id, amendment.electionId, amendment.change,
                amendment.building, amendment.unit, amendment.beforeValue, amendment.afterValue, amendment.reason))
                .build();
    }

    @GET
    @Path("/electorate")
    @RolesAllowed({ Roles.ADMIN, Roles.STREET_OFFICE, Roles.WORKING_GROUP })
    @Operation(summary = "Compute the electorate under a rule pack")
    public ElectorateView electorate(@PathParam("cid") UUID communityId,
            @QueryParam("rulePack") @DefaultValue("CN-2021") String rulePackCode) {
        caller.requireCommunity(communityId);
        RulePack rulePack = RulePack.fromCode(rulePackCode).orElseThrow(() -> ProblemException.invalid("rulePack",
                Text.of("election.rule-pack-unknown", rulePackCode)));
        return ElectorateView.of(rulePack.code(), rosters.electorate(communityId, rulePack));
    }

    public record AmendmentView(UUID id, UUID electionId, RosterAmendment.Change change, String building, String unit,
            String before, String after, String reason) {
    }

    private ProblemException tooLarge() {
        return new ProblemException(413, "too-large", Text.of("roster.too-large", maxUploadBytes / (1024 * 1024)),
                List.of());
    }
}
