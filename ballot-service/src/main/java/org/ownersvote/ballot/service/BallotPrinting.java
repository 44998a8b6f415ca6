package org.ownersvote.ballot.service;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.ownersvote.ballot.Ballot;
import org.ownersvote.ballot.BallotElection;
import org.ownersvote.ballot.config.BallotConfig;
import org.ownersvote.ballot.domain.BallotStatus;
import org.ownersvote.ballot.domain.VerificationCodes;
import org.ownersvote.ballot.print.PrintedBallot;
import org.ownersvote.ballot.repository.BallotRepository;
import org.ownersvote.ballot.repository.CodeRepository;
import org.ownersvote.ballot.repository.ElectionRepository;
import org.ownersvote.platform.audit.AuditLog;
import org.ownersvote.platform.print.QrCodes;
import org.ownersvote.platform.problem.ProblemException;
import org.ownersvote.platform.problem.Text;

/**
 * Prints the ballots of a building that are not yet in an owner's hands (issued, or marked undeliverable), each
 * with a fresh verification code. The code is shown on this page only and stored as a keyed hash, so a reprint
 * gives new codes and the earlier sheets' codes stop working: the sheet that goes to the door is always the last
 * one printed. Ballots already handed out are never reprinted; a lost one is voided and its replacement printed.
 */
@ApplicationScoped
public class BallotPrinting {

    @Inject
    ElectionRepository elections;

    @Inject
    BallotRepository ballots;

    @Inject
    CodeRepository codes;

    @Inject
    CodeSecret secret;

    @Inject
    BallotConfig config;

    @Inject
    AuditLog audit;

    public record PrintRun(BallotElection election, List<PrintedBallot> ballots) {
    }

    /**
     * The ballots of one building, or its one ballot with {@code serial}, printed with new codes by
     * {@code printedBy} (the resource checked that the building is in their scope).
     */
    @Transactional
    public PrintRun print(UUID electionId, String building, String serial, String printedBy) {
        BallotElection election = elections.require(electionId);
        if (election.ballotsIssuedAt == null && election.votingOpenedAt != null) {
            throw ProblemException.pending("ballots-being-issued", Text.of("print.being-issued"),
                    Duration.ofSeconds(2));
        }
        if (election.ballotsIssuedAt == null) {
            throw ProblemException.conflict("ballots-not-issued", Text.of("print.not-issued"));
        }
        List<BallotStatus> notYetOut = List.of(BallotStatus.ISSUED, BallotStatus.UNDELIVERABLE);
        List<Ballot> printable = ballots.ofBuilding(electionId, building, serial, notYetOut);
        if (printable.isEmpty()) {
            throw ProblemException.conflict("nothing-to-print", serial == null
                    ? Text.of("print.nothing-to-print", building)
                    : Text.of("print.nothing-to-print-serial", building, serial));
        }
        OffsetDateTime now = OffsetDateTime.now();
        byte[] key = secret.bytes();
        List<PrintedBallot> printed = new ArrayList<>(printable.size());
        List<CodeRepository.PrintedCode> fresh = new ArrayList<>(printable.size());
        for (Ballot ballot : printable) {
            String code = VerificationCodes.generate();
            fresh.add(new CodeRepository.PrintedCode(ballot.id, ballot.serial,
                    VerificationCodes.hash(key, ballot.serial, code)));
            String url = ownerPage(ballot.serial);
            printed.add(new PrintedBallot(ballot.serial, ballot.building, ballot.unit, ballot.area.toPlainString(),
                    code, url, QrCodes.pngDataUri(url)));
        }
        codes.replaceCodes(fresh, now, printedBy);
        audit.record(printedBy, "ballots.printed", "election", electionId, electionId,
                printed.size() + " ballots of " + building + (serial == null ? "" : " (" + serial + ")")
                        + " printed with new verification codes");
        return new PrintRun(election, printed);
    }

    String ownerPage(String serial) {
        return config.ownerPageUrl() + "?serial=" + URLEncoder.encode(serial, StandardCharsets.UTF_8);
    }
}
