package org.ownersvote.notification.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.ownersvote.events.election.ContactsChunk;
import org.ownersvote.notification.Message;
import org.ownersvote.notification.NoticeElection;
import org.ownersvote.notification.config.MessagesConfig;
import org.ownersvote.notification.repository.CampaignRunRepository;
import org.ownersvote.notification.repository.ElectionRepository;
import org.ownersvote.platform.text.NaturalOrder;
import org.ownersvote.platform.time.Periods;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Messages that come from the calendar rather than from an event, for every election that is voting:
 * <ul>
 * <li>reminders, {@code reminder-days-before} days before the deadline, to owners whose ballot is neither returned
 * nor cast (only the latest threshold passed: a reminder missed while the service was down is not sent late);</li>
 * <li>each day after {@code daily-at}: each building leader's worklist (units to visit, units to collect) and the
 * notice of undeliverable ballots.</li>
 * </ul>
 * Each is keyed by the election, the deadline or the date and recorded once it has run, so running the campaigns
 * any number of times, on any number of instances, queues each message once and renders it once.
 */
@ApplicationScoped
public class Campaigns {

    private static final Logger LOG = Logger.getLogger(Campaigns.class);

    /** Units an SMS lists by name; a longer list is cut with a count (the email has the same text). */
    static final int UNITS_IN_A_MESSAGE = 30;

    @Inject
    MessageQueue queue;

    @Inject
    BallotStates ballots;

    @Inject
    ContactBook contacts;

    @Inject
    Recipients recipients;

    @Inject
    NoticeBoard board;

    @Inject
    MessageClock clock;

    @Inject
    MessagesConfig config;

    @Inject
    CampaignRunRepository campaignRuns;

    @Inject
    ElectionRepository elections;

    @Scheduled(every = "${ownersvote.messages.campaign-interval:PT5M}",
            delayed = "${ownersvote.messages.campaign-interval:PT5M}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        try {
            run();
        } catch (RuntimeException e) { // database down, or shutting down: the next round tries again
            LOG.warnf("Campaign round failed: %s", e.toString());
        }
    }

    /** Runs every campaign that is due now, one election per transaction. */
    public void run() {
        Instant now = clock.now();
        List<UUID> voting = QuarkusTransaction.requiringNew().call(() -> elections.voting().stream()
                .map(e -> e.id).toList());
        for (UUID id : voting) {
            try {
                QuarkusTransaction.requiringNew().run(() -> runFor(NoticeElection.findById(id), now));
            } catch (RuntimeException e) {
                LOG.errorf(e, "Campaigns for election %s failed; tried again next round", id);
            }
        }
    }

    private void runFor(NoticeElection election, Instant now) {
        Instant deadline = election.votingDeadline.toInstant();
        if (!now.isBefore(deadline)) {
            return;
        }
        Map<String, BallotStates.UnitState> states = ballots.of(election.id);
        reminderDue(deadline, now).ifPresent(days -> {
            String about = "reminder:" + election.id + ":" + deadline + ":" + days;
            if (!firstRun(about, now)) {
                return;
            }
            Map<String, String> params = OwnerMessages.base(election);
            params.put("deadline", NoticeTexts.deadline(election.votingDeadline, "zh"));
            int queued = queue.toOwners(election, Message.Purpose.REMINDER, about, params,
                    (building, unit) -> !BallotStates.stateOf(states, building, unit).voted());
            LOG.infof("Reminder %d day(s) before the deadline of %s: %d messages queued", days, election.id, queued);
        });
        ZonedDateTime local = now.atZone(config.quietHours().zone());
        if (!local.toLocalTime().isBefore(config.dailyAt())) {
            LocalDate today = local.toLocalDate();
            String worklistsOfToday = "worklist:" + election.id + ":" + today;
            if (firstRun(worklistsOfToday, now)) {
                worklists(election, states, today, worklistsOfToday);
            }
            // not gated: the board posts a day's list the first round that finds undeliverable ballots
            board.undeliverable(election, "undeliverable:" + election.id + ":" + today,
                    OffsetDateTime.ofInstant(now, ZoneOffset.UTC), ballots.undeliverable(election.id));
        }
    }

    /**
     * True the first time a campaign's key is seen: its messages are queued in the same transaction, so a campaign
     * either ran and is recorded, or did neither. Each message's own key still guards against doubles.
     */
    private boolean firstRun(String campaign, Instant now) {
        return campaignRuns.firstRun(campaign, now);
    }

    Optional<Integer> reminderDue(Instant deadline, Instant now) {
        return reminderDue(config.reminderDaysBefore(), deadline, now);
    }

    /**
     * The smallest configured number of days whose moment has passed: "3 days before" is due from 00:00 (Beijing) of
     * the day from which 3 calendar days remain, that day included (platform Periods.remindFrom).
     */
    static Optional<Integer> reminderDue(List<Integer> daysBefore, Instant deadline, Instant now) {
        OffsetDateTime end = OffsetDateTime.ofInstant(deadline, ZoneOffset.UTC);
        return daysBefore.stream().filter(days -> !now.isBefore(Periods.remindFrom(end, days).toInstant()))
                .min(Integer::compare);
    }

    private void worklists(NoticeElection election, Map<String, BallotStates.UnitState> states, LocalDate today,
            String about) {
        List<ContactsChunk.Contact> units = contacts.current(election.id).stream()
                .sorted(NaturalOrder.byBuildingAndUnit(ContactsChunk.Contact::building, ContactsChunk.Contact::unit))
                .toList();
        for (Recipients.Leader leader : recipients.leaders(election.id)) {
            List<String> toVisit = new ArrayList<>();
            List<String> toCollect = new ArrayList<>();
            for (ContactsChunk.Contact c : units) {
                if (!leader.buildings().contains(c.building())) {
                    continue;
                }
                BallotStates.State state = BallotStates.stateOf(states, c.building(), c.unit());
                if (state == BallotStates.State.NOT_HANDED_OUT || state == BallotStates.State.UNDELIVERABLE) {
                    toVisit.add(MessageQueue.unitName(c.building(), c.unit()));
                } else if (state == BallotStates.State.HANDED_OUT) {
                    toCollect.add(MessageQueue.unitName(c.building(), c.unit()));
                }
            }
            Map<String, String> params = OwnerMessages.base(election);
            params.put("leader", leader.name());
            params.put("buildings",
                    String.join("、", leader.buildings().stream().sorted(NaturalOrder.INSTANCE).toList()));
            params.put("date", today.toString());
            params.put("deadline", NoticeTexts.deadline(election.votingDeadline, "zh"));
            params.put("toVisit", Integer.toString(toVisit.size()));
            params.put("visitUnits", listed(toVisit));
            params.put("toCollect", Integer.toString(toCollect.size()));
            params.put("collectUnits", listed(toCollect));
            queue.toLeader(election, Message.Purpose.WORKLIST, about, leader, params);
        }
    }

    static String listed(List<String> units) {
        if (units.isEmpty()) {
            return "无";
        }
        return units.size() <= UNITS_IN_A_MESSAGE ? String.join("、", units)
                : String.join("、", units.subList(0, UNITS_IN_A_MESSAGE)) + "等" + units.size() + "户";
    }
}
