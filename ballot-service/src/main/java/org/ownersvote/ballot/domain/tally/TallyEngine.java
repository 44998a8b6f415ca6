package org.ownersvote.ballot.domain.tally;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.ownersvote.ballot.domain.Mark;

/**
 * Computes a tally by the counting rules listed below: the one place where the election's counting rules live.
 * <ul>
 * <li>Electorate: area A = the counted units' areas; headcount N = distinct persons (developer units are one person,
 * a buyer of several units is one person).</li>
 * <li>A unit participates when its ballot was validly returned: signed by the owner, or by a proxy with a written
 * authorization; a person participates when one of their units does.</li>
 * <li>Quorum: n_p ≥ 2/3·N and a_p ≥ 2/3·A; if either fails, no one is elected and no motion passes.</li>
 * <li>A ballot approving more candidates than there are seats participates but approves no candidate.</li>
 * <li>Project rule: a person of several units approves only if all their participating ballots approve; if they
 * disagree, the person participates without approving, and the conflict is listed. Area follows each ballot.</li>
 * <li>Pass: MAJORITY (more than half of n_p and a_p) or SPECIAL (at least 3/4 of both); ranked by heads, then
 * area; seats then alternates filled in rank order; a tie across a seat or alternate boundary waits for a
 * recorded drawing of lots; seats without a passing candidate are vacant (by-election).</li>
 * </ul>
 * Pure: no clock, no database; the same input gives the same tally.
 */
public final class TallyEngine {

    static final List<String> PROJECT_RULES = List.of(
            "multi-unit-person: a person approves only if all their participating ballots approve; disagreement "
                    + "is listed as a conflict",
            "blank-or-unclear-mark: abstention",
            "over-voted: participates, approves no candidate, motions still count");

    private TallyEngine() {
    }

    /** The tally of these ballots: {@link #begin}, {@link Count#add} each ballot, {@link Count#tally}. */
    public static Tally compute(TallyInput.Rules rules, Collection<TallyInput.Unit> electorate,
            Iterable<TallyInput.Ballot> ballots, Collection<TallyInput.Draw> draws) {
        Count count = begin(rules, electorate);
        ballots.forEach(count::add);
        return count.tally(draws);
    }

    /** A count of this electorate under these rules, to which the counted ballots are added one by one. */
    public static Count begin(TallyInput.Rules rules, Collection<TallyInput.Unit> electorate) {
        return new Count(rules, electorate);
    }

    /**
     * Running sums of a count: what each ballot added is kept per person and per candidate or motion, never the
     * ballot itself, so the memory a count takes grows with the electorate and the ballot's length, not with the
     * ballots counted (a ledger of 100,000 ballots is read record by record). Areas are summed in hundredths of a
     * m² (areas have two decimals), exactly.
     */
    public static final class Count {

        private final TallyInput.Rules rules;
        private final List<String> motionIds;
        private final Map<String, Integer> unitIndex = new HashMap<>();
        private final long[] unitCents;
        private final int[] unitPerson;
        private final boolean[] unitVoted;
        private final String[] personKeys;
        private final Tally.Figures electorate;
        /** Participating (validly returned) ballots of each person. */
        private final int[] ballotsOfPerson;
        /** Per candidate, then per motion: approving ballots of each person, and the area approving. */
        private final int[][] candidateApprovals;
        private final long[] candidateCents;
        private final int[][] motionApprovals;
        private final long[] motionCents;
        private long participatingUnits;
        private long participatingCents;
        private int unsigned;
        private int unauthorized;
        private int overVoted;

        private Count(TallyInput.Rules rules, Collection<TallyInput.Unit> units) {
            this.rules = rules;
            this.motionIds = List.copyOf(rules.motions().keySet());
            unitCents = new long[units.size()];
            unitPerson = new int[units.size()];
            unitVoted = new boolean[units.size()];
            Map<String, Integer> personIndex = new HashMap<>();
            BigDecimal area = BigDecimal.ZERO;
            for (TallyInput.Unit u : units) {
                int index = unitIndex.size();
                if (unitIndex.putIfAbsent(key(u.building(), u.unit()), index) != null) {
                    throw new IllegalArgumentException("the electorate lists " + u.building() + " " + u.unit()
                            + " twice");
                }
                area = area.add(u.area());
                unitCents[index] = u.area().setScale(2).unscaledValue().longValueExact();
                unitPerson[index] = personIndex.computeIfAbsent(u.personKey(), k -> personIndex.size());
            }
            personKeys = new String[personIndex.size()];
            personIndex.forEach((key, index) -> personKeys[index] = key);
            electorate = new Tally.Figures(unitIndex.size(), area, personKeys.length);
            ballotsOfPerson = new int[personKeys.length];
            candidateApprovals = new int[rules.candidateIds().size()][personKeys.length];
            candidateCents = new long[rules.candidateIds().size()];
            motionApprovals = new int[motionIds.size()][personKeys.length];
            motionCents = new long[motionIds.size()];
        }

        /** Adds one counted ballot; a unit outside the electorate or a unit's second ballot is refused. */
        public void add(TallyInput.Ballot b) {
            Integer unit = unitIndex.get(key(b.building(), b.unit()));
            if (unit == null) {
                throw new IllegalArgumentException("ballot " + b.serial() + " is for a unit outside the electorate");
            }
            if (unitVoted[unit]) {
                throw new IllegalArgumentException("a second counted ballot for " + b.building() + " " + b.unit());
            }
            unitVoted[unit] = true;
            if (!b.signature().valid()) {
                if (b.signature() == Signature.NONE) {
                    unsigned++;
                } else {
                    unauthorized++;
                }
                return;
            }
            long approvals = b.marks().values().stream().filter(m -> m == Mark.APPROVE).count();
            boolean over = approvals > rules.seats();
            if (over) {
                overVoted++;
            }
            int person = unitPerson[unit];
            long cents = unitCents[unit];
            participatingUnits++;
            participatingCents += cents;
            ballotsOfPerson[person]++;
            for (int c = 0; c < candidateCents.length && !over; c++) {
                if (b.marks().get(rules.candidateIds().get(c)) == Mark.APPROVE) {
                    candidateApprovals[c][person]++;
                    candidateCents[c] += cents;
                }
            }
            for (int m = 0; m < motionCents.length; m++) {
                if (b.motions().get(motionIds.get(m)) == Mark.APPROVE) {
                    motionApprovals[m][person]++;
                    motionCents[m] += cents;
                }
            }
        }

        /** How many units the electorate has (what the count's memory grows with). */
        public long electorateUnits() {
            return electorate.units();
        }

        /** The tally of the ballots added, with the recorded drawings of lots; the count is left as it was. */
        public Tally tally(Collection<TallyInput.Draw> draws) {
            long participatingHeads = Arrays.stream(ballotsOfPerson).filter(n -> n > 0).count();
            BigDecimal participatingArea = BigDecimal.valueOf(participatingCents, 2);
            BigDecimal area = electorate.area();
            Tally.Figures participation = new Tally.Figures(participatingUnits, participatingArea,
                    participatingHeads);
            // n_p ≥ 2/3·N ⇔ 3·n_p ≥ 2·N, likewise for area
            boolean headcountMet = 3 * participatingHeads >= 2 * electorate.headcount();
            boolean areaMet = participatingArea.multiply(BigDecimal.valueOf(3))
                    .compareTo(area.multiply(BigDecimal.valueOf(2))) >= 0;
            Tally.Quorum quorum = new Tally.Quorum(headcountMet && areaMet, areaMet, headcountMet);

            // candidates
            List<Approval> candidateApproval = new ArrayList<>();
            List<Boolean> passes = new ArrayList<>();
            for (int c = 0; c < candidateCents.length; c++) {
                Approval a = approval(candidateApprovals[c], candidateCents[c]);
                candidateApproval.add(a);
                passes.add(quorum.met() && Threshold.MAJORITY.met(a.heads(), participatingHeads, a.area(),
                        participatingArea));
            }
            Placement placement = place(rules, candidateApproval, passes, draws);
            List<Tally.CandidateResult> candidates = new ArrayList<>();
            for (int i = 0; i < rules.candidateIds().size(); i++) {
                String id = rules.candidateIds().get(i);
                Approval a = candidateApproval.get(i);
                candidates.add(new Tally.CandidateResult(id, a.heads(), a.area(),
                        percent(a.heads(), participatingHeads), percent(a.area(), participatingArea), passes.get(i),
                        placement.ranks().getOrDefault(id, 0), placement.outcomes().get(id), a.conflicts()));
            }

            // motions
            List<Tally.MotionResult> motions = new ArrayList<>();
            for (int m = 0; m < motionIds.size(); m++) {
                Threshold threshold = rules.motions().get(motionIds.get(m));
                Approval a = approval(motionApprovals[m], motionCents[m]);
                motions.add(new Tally.MotionResult(motionIds.get(m), threshold, a.heads(), a.area(),
                        percent(a.heads(), participatingHeads), percent(a.area(), participatingArea),
                        quorum.met() && threshold.met(a.heads(), participatingHeads, a.area(), participatingArea),
                        a.conflicts()));
            }

            long passing = passes.stream().filter(Boolean::booleanValue).count();
            int vacancies = (int) Math.max(0, rules.seats() - passing);
            return new Tally(rules.rulePack(), electorate, participation,
                    percent(participatingArea, area), percent(participatingHeads, electorate.headcount()), quorum,
                    new Tally.Invalid(unsigned, unauthorized), overVoted, candidates, motions, placement.elected(),
                    placement.alternates(), vacancies, vacancies > 0, placement.ties(), PROJECT_RULES);
        }

        /** Area from every approving ballot; a head only where all of that person's participating ballots approve. */
        private Approval approval(int[] approving, long cents) {
            long heads = 0;
            Set<String> conflicts = new TreeSet<>();
            for (int person = 0; person < personKeys.length; person++) {
                if (ballotsOfPerson[person] == 0) {
                    continue;
                }
                if (approving[person] == ballotsOfPerson[person]) {
                    heads++;
                } else if (approving[person] > 0) {
                    conflicts.add(personKeys[person]);
                }
            }
            return new Approval(heads, BigDecimal.valueOf(cents, 2), List.copyOf(conflicts));
        }
    }

    private record Approval(long heads, BigDecimal area, List<String> conflicts) {
    }

    private record Placement(Map<String, Integer> ranks, Map<String, Tally.Outcome> outcomes, List<String> elected,
            List<String> alternates, List<Tally.Tie> ties) {
    }

    /** Ranks the passing candidates and fills seats, then alternate places; ties across a boundary wait for lots. */
    private static Placement place(TallyInput.Rules rules, List<Approval> approvals, List<Boolean> passes,
            Collection<TallyInput.Draw> draws) {
        Map<String, Approval> byId = new HashMap<>();
        List<String> ranked = new ArrayList<>();
        Map<String, Tally.Outcome> outcomes = new HashMap<>();
        for (int i = 0; i < rules.candidateIds().size(); i++) {
            String id = rules.candidateIds().get(i);
            byId.put(id, approvals.get(i));
            if (passes.get(i)) {
                ranked.add(id);
            } else {
                outcomes.put(id, Tally.Outcome.NOT_PASSED);
            }
        }
        Comparator<String> byFigures = Comparator.<String>comparingLong(id -> byId.get(id).heads()).reversed()
                .thenComparing(id -> byId.get(id).area(), Comparator.reverseOrder());
        ranked.sort(byFigures); // stable: equal figures keep ballot order until lots are drawn

        Map<String, Integer> ranks = new HashMap<>();
        List<String> elected = new ArrayList<>();
        List<String> alternates = new ArrayList<>();
        List<Tally.Tie> ties = new ArrayList<>();
        int seats = rules.seats();
        int places = rules.seats() + rules.alternates();
        int position = 0;
        while (position < ranked.size()) {
            int end = position + 1;
            while (end < ranked.size() && byFigures.compare(ranked.get(position), ranked.get(end)) == 0) {
                end++;
            }
            List<String> group = new ArrayList<>(ranked.subList(position, end));
            for (String id : group) {
                ranks.put(id, position + 1); // equal figures share a rank
            }
            boolean crossesSeats = position < seats && end > seats;
            boolean crossesAlternates = position < places && end > places;
            boolean undecided = false;
            if (crossesSeats || crossesAlternates) {
                List<String> order = drawnOrder(group, draws);
                ties.add(new Tally.Tie(List.copyOf(group), crossesSeats ? "SEAT" : "ALTERNATE", order != null));
                if (order != null) {
                    group = order;
                } else {
                    undecided = true; // no one of the group is placed until the lots are drawn
                }
            }
            for (int i = 0; i < group.size(); i++) {
                String id = group.get(i);
                int at = position + i;
                Tally.Outcome outcome = undecided ? Tally.Outcome.TIE_LOTS_REQUIRED
                        : at < seats ? Tally.Outcome.ELECTED
                        : at < places ? Tally.Outcome.ALTERNATE
                        : Tally.Outcome.PASSED_NOT_PLACED;
                outcomes.put(id, outcome);
                if (outcome == Tally.Outcome.ELECTED) {
                    elected.add(id);
                } else if (outcome == Tally.Outcome.ALTERNATE) {
                    alternates.add(id);
                }
            }
            position = end;
        }
        return new Placement(ranks, outcomes, elected, alternates, ties);
    }

    /** The recorded draw among exactly these candidates, if there is one. */
    private static List<String> drawnOrder(List<String> group, Collection<TallyInput.Draw> draws) {
        Set<String> members = new HashSet<>(group);
        return draws.stream().map(TallyInput.Draw::candidateIdsInDrawnOrder)
                .filter(order -> order.size() == group.size() && new HashSet<>(order).equals(members))
                .findFirst().orElse(null);
    }

    /** A share in percent with two decimals, half up, as notices print it; 0.00 of nothing. */
    static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        if (whole.signum() == 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        return part.multiply(BigDecimal.valueOf(100)).divide(whole, 2, RoundingMode.HALF_UP);
    }

    static BigDecimal percent(long part, long whole) {
        return percent(BigDecimal.valueOf(part), BigDecimal.valueOf(whole));
    }

    private static String key(String building, String unit) {
        return building + "\u0000" + unit;
    }
}
