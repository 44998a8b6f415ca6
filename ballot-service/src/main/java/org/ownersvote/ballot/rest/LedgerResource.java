package org.ownersvote.ballot.rest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ownersvote.ballot.BallotElection;
import org.ownersvote.ballot.domain.ledger.LedgerChain;
import org.ownersvote.ballot.domain.ledger.LedgerHead;
import org.ownersvote.ballot.repository.LedgerRepository;
import org.ownersvote.ballot.service.CountedLedger;
import org.ownersvote.ballot.service.ElectorateStore;
import org.ownersvote.ballot.service.OnlineVoting;
import org.ownersvote.events.election.ElectorateChunk;
import org.ownersvote.platform.security.Roles;

/**
 * The ballot ledger and the electorate behind it, for anyone counting or scrutinizing to recompute the tally
 * without trusting this service (deploy/verifier does).
 */
@Path("/api")
@Tag(name = "Ledger",
        description = "The hash-chained ballot ledger and the electorate it is counted over, for the verifier.")
public class LedgerResource {

    @Inject
    BallotScope scope;

    @Inject
    ElectorateStore electorates;

    @Inject
    CountedLedger ledger;

    /**
     * One line per counted ballot, in ledger order: the canonical record with its {@code hash}; up to the head as
     * the call began, written a page at a time as it is read (a large ledger is never held whole).
     */
    @GET
    @Path("/elections/{eid}/ledger")
    @Produces("application/x-ndjson")
    @RolesAllowed({ Roles.WORKING_GROUP, Roles.COUNTER, Roles.SCRUTINEER, Roles.CHIEF_SCRUTINEER })
    @Operation(summary = "Download the ballot ledger (one JSON line per counted ballot)")
    public StreamingOutput ledger(@PathParam("eid") UUID electionId) {
        BallotElection election = scope.election(electionId);
        LedgerHead head = ledger.head(election);
        return out -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            Consumer<LedgerRepository.Text> line = r -> {
                try {
                    writer.write("{\"hash\":\"" + r.hash() + "\"," + r.record().substring(1));
                    writer.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            };
            ledger.read(election.id, 0, head, line);
            writer.flush();
        };
    }

    /** The rules, candidates, motions, genesis hash and counted units the ledger's tally is computed over. */
    @GET
    @Path("/elections/{eid}/ledger/electorate")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.WORKING_GROUP, Roles.COUNTER, Roles.SCRUTINEER, Roles.CHIEF_SCRUTINEER })
    @Operation(summary = "Download the ledger's electorate and rules")
    public Map<String, Object> electorate(@PathParam("eid") UUID electionId) {
        BallotElection election = scope.election(electionId);
        OnlineVoting.BallotContent content = OnlineVoting.BallotContent.of(election);
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("electionId", election.id);
        export.put("rulePack", election.rulePack);
        export.put("seats", election.seats);
        export.put("alternates", election.alternates);
        export.put("genesisHash", LedgerChain.genesis(election.id, election.rulePack));
        export.put("candidates", content.candidates().stream()
                .map(c -> Map.of("id", c.candidateId().toString(), "position", c.position(), "name", c.name()))
                .toList());
        export.put("motions", content.motions().stream()
                .map(m -> Map.of("id", m.motionId().toString(), "threshold", m.threshold(), "title", m.title()))
                .toList());
        export.put("units", election.electorateVersion == null ? List.of()
                : electorates.units(election.id, election.electorateVersion).stream()
                        .filter(ElectorateChunk.Unit::counted)
                        .map(u -> Map.of("building", u.building(), "unit", u.unit(),
                                "area", u.area().setScale(2).toPlainString(), "personKey", u.personKey()))
                        .toList());
        return export;
    }
}
