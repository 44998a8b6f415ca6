package org.ownersvote.ballot.service;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;
import org.ownersvote.ballot.Ballot;
import org.ownersvote.ballot.BallotElection;
import org.ownersvote.ballot.config.BallotConfig;
import org.ownersvote.ballot.domain.BallotStatus;
import org.ownersvote.ballot.domain.VerificationCodes;
import org.ownersvote.ballot.print.PrintedBallot;
import org.ownersvote.platform.print.QrCodes;
import org.ownersvote.platform.audit.AuditLog;
import org.ownersvote.platform.problem.ProblemException;
import org.ownersvote.platform.problem.Text;
import org.ownersvote.platform.security.Caller;

/**
 * Prints the ballots of a building that are not yet in an owner's hands (issued, or marked undeliverable), each
 * with a fresh verification code. The code is shown on this page only and stored as a keyed hash, so a reprint
 * gives new codes and the earlier sheets' codes stop working: the sheet that goes to the door is always the last
 * one printed. Ballots already handed out are never reprinted; a lost one is voided and its replacement printed.
 */
@ApplicationScoped
public class BallotPrinting {

    @Inject
    EntityManager em;

    @Inject
    CodeSecret secret;

    @Inject
    BallotConfig config;

    @Inject
    AuditLog audit;

    public record PrintRun(BallotElection election, List<PrintedBallot> ballots) {
    }

    /** The ballots of one building, or its one ballot with {@code serial}, printed with new codes. */
    @Transactional
    public PrintRun print(UUID electionId, String building, String serial, Caller caller) {
        BallotElection election = BallotElection.findById(electionId);
        if (election == null) {
            throw ProblemException.notFound(Text.of("thing.election"), electionId);
        }
        BallotLedger.requireScope(election, building, caller);
        if (election.ballotsIssuedAt == null && election.votingOpenedAt != null) {
            throw ProblemException.pending("ballots-being-issued", Text.of("print.being-issued"),
                    Duration.ofSeconds(2));
        }
        if (election.ballotsIssuedAt == null) {
            throw ProblemException.conflict("ballots-not-issued", Text.of("print.not-issued"));
        }
        List<BallotStatus> notYetOut = List.of(BallotStatus.ISSUED, BallotStatus.UNDELIVERABLE);
        List<Ballot> printable = serial != null
                ? Ballot.<Ballot>find("electionId = ?1 and serial = ?2 and building = ?3 and status in ?4", electionId,
                        serial, building, notYetOut).list()
                : Ballot.<Ballot>find("electionId = ?1 and building = ?2 and status in ?3"
                        + " order by function('natural_key', unit), sequence", electionId, building, notYetOut).list();
        if (printable.isEmpty()) {
            throw ProblemException.conflict("nothing-to-print", serial == null
                    ? Text.of("print.nothing-to-print", building)
                    : Text.of("print.nothing-to-print-serial", building, serial));
        }
        OffsetDateTime now = OffsetDateTime.now();
        byte[] key = secret.bytes();
        List<PrintedBallot> printed = new ArrayList<>(printable.size());
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("""
                    insert into ballot_code (ballot_id, serial, code_hash, printed_at, printed_by)
                    values (?, ?, ?, ?, ?)
                    on conflict (ballot_id) do update set code_hash = excluded.code_hash,
                        printed_at = excluded.printed_at, printed_by = excluded.printed_by""");
                    // wrong codes typed against the old sheet say nothing about the new code
                    PreparedStatement forget = connection.prepareStatement(
                            "delete from code_attempt where serial = ?")) {
                for (Ballot ballot : printable) {
                    String code = VerificationCodes.generate();
                    upsert.setObject(1, ballot.id);
                    upsert.setString(2, ballot.serial);
                    upsert.setString(3, VerificationCodes.hash(key, ballot.serial, code));
                    upsert.setObject(4, now);
                    upsert.setString(5, caller.username());
                    upsert.addBatch();
                    forget.setString(1, ballot.serial);
                    forget.addBatch();
                    String url = ownerPage(ballot.serial);
                    printed.add(new PrintedBallot(ballot.serial, ballot.building, ballot.unit,
                            ballot.area.toPlainString(), code, url, QrCodes.pngDataUri(url)));
                }
                upsert.executeBatch();
                forget.executeBatch();
            }
        });
        audit.record(caller.username(), "ballots.printed", "election", electionId, electionId,
                printed.size() + " ballots of " + building + (serial == null ? "" : " (" + serial + ")")
                        + " printed with new verification codes");
        return new PrintRun(election, printed);
    }

    String ownerPage(String serial) {
        return config.ownerPageUrl() + "?serial=" + URLEncoder.encode(serial, StandardCharsets.UTF_8);
    }
}
