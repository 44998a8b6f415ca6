package org.ownersvote.ballot.domain.tally;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

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

    public static Tally compute(TallyInput.Rules rules, Collection<TallyInput.Unit> electorate,
            Collection<TallyInput.Ballot> ballots, Collection<TallyInput.Draw> draws) {
        Map<String, TallyInput.Unit> units = new HashMap<>();
        BigDecimal area = BigDecimal.ZERO;
        Set<String> persons = new HashSet<>();
        for (TallyInput.Unit u : electorate) {
            units.put(key(u.building(), u.unit()), u);
            area = area.add(u.area());
            persons.add(u.personKey());
        }
        Tally.Figures electorateFigures = new Tally.Figures(units.size(), area, persons.size());

        // participation
        List<Participating> participating = new ArrayList<>();
        Map<String, Integer> personIndex = new HashMap<>();
        Set<String> votedUnits = new HashSet<>();
        int unsigned = 0;
        int unauthorized = 0;
        int overVoted = 0;
        for (TallyInput.Ballot b : ballots) {
            TallyInput.Unit unit = units.get(key(b.building(), b.unit()));
            if (unit == null) {
                throw new IllegalArgumentException("ballot " + b.serial() + " is for a unit outside the electorate");
            }
            if (!votedUnits.add(key(b.building(), b.unit()))) {
                throw new IllegalArgumentException("a second counted ballot for " + b.building() + " " + b.unit());
            }
            if (!b.signature().valid()) {
                if (b.signature() == Signature.NONE) {
                    unsigned++;
                } else {
                    unauthorized++;
                }
                continue;
            }
            long approvals = b.marks().values().stream().filter(m -> m == Mark.APPROVE).count();
            boolean over = approvals > rules.seats();
            if (over) {
                overVoted++;
            }
            Integer person = personIndex.get(unit.personKey());
            if (person == null) {
                person = personIndex.size();
                personIndex.put(unit.personKey(), person);
            }
            participating.add(new Participating(unit, b, over, unit.area().setScale(2).unscaledValue()
                    .longValueExact(), person));
        }
        String[] personKeys = new String[personIndex.size()];
        int[] ballotsOfPerson = new int[personIndex.size()];
        personIndex.forEach((key, index) -> personKeys[index] = key);
        for (Participating p : participating) {
            ballotsOfPerson[p.person()]++;
        }
        BigDecimal participatingArea = BigDecimal.valueOf(participating.stream().mapToLong(Participating::cents).sum(),
                2);
        long participatingHeads = personKeys.length;
        Tally.Figures participation = new Tally.Figures(participating.size(), participatingArea, participatingHeads);
        // n_p ≥ 2/3·N ⇔ 3·n_p ≥ 2·N, likewise for area
        boolean headcountMet = 3 * participatingHeads >= 2 * electorateFigures.headcount();
        boolean areaMet = participatingArea.multiply(BigDecimal.valueOf(3))
                .compareTo(area.multiply(BigDecimal.valueOf(2))) >= 0;
        Tally.Quorum quorum = new Tally.Quorum(headcountMet && areaMet, areaMet, headcountMet);

        // candidates
        List<Approval> candidateApprovals = new ArrayList<>();
        for (String candidate : rules.candidateIds()) {
            candidateApprovals.add(approval(participating, personKeys, ballotsOfPerson, p -> !p.overVoted()
                    && p.ballot().marks().get(candidate) == Mark.APPROVE));
        }
        List<Boolean> passes = new ArrayList<>();
        for (Approval a : candidateApprovals) {
            passes.add(quorum.met() && Threshold.MAJORITY.met(a.heads(), participatingHeads, a.area(),
                    participatingArea));
        }
        Placement placement = place(rules, candidateApprovals, passes, draws);
        List<Tally.CandidateResult> candidates = new ArrayList<>();
        for (int i = 0; i < rules.candidateIds().size(); i++) {
            String id = rules.candidateIds().get(i);
            Approval a = candidateApprovals.get(i);
            candidates.add(new Tally.CandidateResult(id, a.heads(), a.area(), percent(a.heads(), participatingHeads),
                    percent(a.area(), participatingArea), passes.get(i), placement.ranks().getOrDefault(id, 0),
                    placement.outcomes().get(id), a.conflicts()));
        }

        // motions
        List<Tally.MotionResult> motions = new ArrayList<>();
        for (Map.Entry<String, Threshold> motion : rules.motions().entrySet()) {
            Approval a = approval(participating, personKeys, ballotsOfPerson,
                    p -> p.ballot().motions().get(motion.getKey()) == Mark.APPROVE);
            motions.add(new Tally.MotionResult(motion.getKey(), motion.getValue(), a.heads(), a.area(),
                    percent(a.heads(), participatingHeads), percent(a.area(), participatingArea),
                    quorum.met() && motion.getValue().met(a.heads(), participatingHeads, a.area(), participatingArea),
                    a.conflicts()));
        }

        long passing = passes.stream().filter(Boolean::booleanValue).count();
        int vacancies = (int) Math.max(0, rules.seats() - passing);
        return new Tally(rules.rulePack(), electorateFigures, participation,
                percent(participatingArea, area), percent(participatingHeads, electorateFigures.headcount()), quorum,
                new Tally.Invalid(unsigned, unauthorized), overVoted, candidates, motions, placement.elected(),
                placement.alternates(), vacancies, vacancies > 0, placement.ties(), PROJECT_RULES);
    }

    /**
     * A participating ballot with its unit's area in hundredths of a m² (areas have two decimals) and
     * its person as an index, so that summing over a million ballots stays exact and allocation-free.
     */
    private record Participating(TallyInput.Unit unit, TallyInput.Ballot ballot, boolean overVoted, long cents,
            int person) {
    }

    private record Approval(long heads, BigDecimal area, List<String> conflicts) {
    }

    /** Area from every approving ballot; a head only where all of that person's participating ballots approve. */
    private static Approval approval(List<Participating> participating, String[] personKeys, int[] ballotsOfPerson,
            Predicate<Participating> approves) {
        long cents = 0;
        int[] approving = new int[personKeys.length];
        for (Participating p : participating) {
            if (approves.test(p)) {
                cents += p.cents();
                approving[p.person()]++;
            }
        }
        long heads = 0;
        Set<String> conflicts = new TreeSet<>();
        for (int person = 0; person < personKeys.length; person++) {
            if (approving[person] == ballotsOfPerson[person]) {
                heads++;
            } else if (approving[person] > 0) {
                conflicts.add(personKeys[person]);
            }
        }
        return new Approval(heads, BigDecimal.valueOf(cents, 2), List.copyOf(conflicts));
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
