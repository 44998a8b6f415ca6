package org.ownersvote.notification.rest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ownersvote.notification.Message;
import org.ownersvote.notification.NoticeElection;
import org.ownersvote.notification.rest.dto.MessagePage;
import org.ownersvote.notification.rest.dto.MessageView;
import org.ownersvote.notification.rest.dto.RecipientsRequest;
import org.ownersvote.notification.service.Deliveries;
import org.ownersvote.notification.service.MessageClock;
import org.ownersvote.notification.service.MessageLog;
import org.ownersvote.notification.service.Recipients;
import org.ownersvote.platform.idempotency.Idempotent;
import org.ownersvote.platform.problem.Problem;
import org.ownersvote.platform.problem.ProblemException;
import org.ownersvote.platform.problem.Text;
import org.ownersvote.platform.security.Caller;
import org.ownersvote.platform.security.Roles;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** An election's messages for its working group: their delivery state, resending failed ones, and recipients. */
@Path("/api/elections/{eid}/messages")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Messages",
        description = "An election's messages to owners and building leaders: delivery state, resending, recipients.")
public class MessageResource {

    @Inject
    Caller caller;

    @Inject
    MessageLog log;

    @Inject
    Deliveries deliveries;

    @Inject
    Recipients recipients;

    @Inject
    MessageClock clock;

    @GET
    @RolesAllowed({ Roles.WORKING_GROUP, Roles.STREET_OFFICE, Roles.ADMIN })
    @Operation(summary = "List an election's messages")
    public MessagePage list(@PathParam("eid") UUID electionId, @QueryParam("status") Message.Status status,
            @QueryParam("channel") Message.Channel channel, @QueryParam("purpose") Message.Purpose purpose,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        inScope(electionId);
        return MessagePage.of(log.page(electionId, status, channel, purpose, page, size));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.WORKING_GROUP, Roles.STREET_OFFICE, Roles.ADMIN })
    @Operation(summary = "Read a message and its delivery rounds")
    public MessageView one(@PathParam("eid") UUID electionId, @PathParam("id") UUID messageId) {
        inScope(electionId);
        return MessageView.of(log.one(electionId, messageId));
    }

    /** Sends a FAILED or UNCONFIRMED message again, as a new round with a new request id. */
    @POST
    @Path("/{id}/resend")
    @RolesAllowed(Roles.WORKING_GROUP)
    @Idempotent
    @Operation(summary = "Send a failed or unconfirmed message again")
    @APIResponse(responseCode = "200", description = "The message, sent again")
    @APIResponse(responseCode = "409", description = "The message was delivered (message-not-failed)")
    public MessageView resend(@PathParam("eid") UUID electionId, @PathParam("id") UUID messageId) {
        inScope(electionId);
        deliveries.resend(electionId, messageId, caller.username(), clock.now());
        return MessageView.of(log.one(electionId, messageId));
    }

    @GET
    @Path("/recipients")
    @RolesAllowed(Roles.WORKING_GROUP)
    @Operation(summary = "Read the election's recipients")
    public RecipientsRequest recipients(@PathParam("eid") UUID electionId) {
        inScope(electionId);
        Recipients.Registered r = recipients.of(electionId);
        return new RecipientsRequest(
                r.ownerEmails().stream().map(e -> new RecipientsRequest.OwnerEmail(e.building(), e.unit(), e.email()))
                        .toList(),
                r.groups().stream().map(g -> new RecipientsRequest.Group(g.name(), maskKey(g.webhookKey()))).toList(),
                r.leaders().stream().map(l -> new RecipientsRequest.Leader(l.name(), l.phone(), l.email(),
                        l.buildings())).toList());
    }

    /** Replaces the election's email addresses, owners' groups and building leaders as a whole. */
    @PUT
    @Path("/recipients")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.WORKING_GROUP)
    @Idempotent
    @Operation(summary = "Replace the election's recipients")
    public RecipientsRequest replaceRecipients(@PathParam("eid") UUID electionId,
            @NotNull @Valid RecipientsRequest request) {
        inScope(electionId);
        noDuplicates(request);
        recipients.replace(electionId, new Recipients.Registered(
                request.ownerEmails().stream().map(e -> new Recipients.OwnerEmail(e.building().strip(),
                        e.unit().strip(), e.email().strip())).toList(),
                request.groups().stream().map(g -> new Recipients.Group(g.name().strip(), g.webhookKey())).toList(),
                request.buildingLeaders().stream().map(l -> new Recipients.Leader(l.name().strip(), l.phone(),
                        l.email(), l.buildings().stream().map(String::strip).toList())).toList()));
        return recipients(electionId);
    }

    private void inScope(UUID electionId) {
        NoticeElection election = QuarkusTransaction.requiringNew().call(() -> NoticeElection.findById(electionId));
        if (election == null) {
            throw ProblemException.notFound(Text.of("thing.election"), electionId);
        }
        caller.requireElection(election.communityId, electionId);
    }

    private static void noDuplicates(RecipientsRequest request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < request.ownerEmails().size(); i++) {
            RecipientsRequest.OwnerEmail e = request.ownerEmails().get(i);
            if (!seen.add(e.building().strip() + "\u0000" + e.unit().strip())) {
                errors.add(Problem.FieldError.of("ownerEmails[" + i + "]",
                        Text.of("recipients.unit-listed-twice", e.building().strip(), e.unit().strip())));
            }
        }
        seen.clear();
        for (int i = 0; i < request.groups().size(); i++) {
            if (!seen.add(request.groups().get(i).name().strip())) {
                errors.add(Problem.FieldError.of("groups[" + i + "].name",
                        Text.of("recipients.group-listed-twice", request.groups().get(i).name().strip())));
            }
        }
        seen.clear();
        for (int i = 0; i < request.buildingLeaders().size(); i++) {
            RecipientsRequest.Leader l = request.buildingLeaders().get(i);
            if (!seen.add(l.name().strip())) {
                errors.add(Problem.FieldError.of("buildingLeaders[" + i + "].name",
                        Text.of("recipients.leader-listed-twice", l.name().strip())));
            }
            if (l.phone() == null && l.email() == null) {
                errors.add(Problem.FieldError.of("buildingLeaders[" + i + "]",
                        Text.of("recipients.leader-needs-contact")));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(Text.of("recipients.not-saved"), errors);
        }
    }

    /** The key is a secret that lets anyone post to the group: shown as its last four characters. */
    private static String maskKey(String key) {
        return "****" + key.substring(Math.max(0, key.length() - 4));
    }
}
