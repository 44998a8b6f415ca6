package org.ownersvote.verifier;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The tally recounted from the ledger records and the electorate, written from the counting rules as stated (the
 * rules' list in TallyEngine's comment) without looking at the engine's code: areas as whole hundredths of a m², thresholds by cross-multiplying whole numbers.
 */
final class Recount {

    private final int seats;
    private final int alternates;
    private final List<String> candidates = new ArrayList<>();
    private final Map<String, String> motions = new LinkedHashMap<>();
    private final long electorateUnits;
    private final long electorateCents;
    private final long electorateHeads;
    private long participatingCents;
    private final Set<String> participatingPersons = new HashSet<>();
    private long participatingUnits;
    private int unsigned;
    private int unauthorized;
    private int overVoted;
    /** person → their participating records (with whether each is over-voted). */
    private final Map<String, List<JsonNode>> byPerson = new LinkedHashMap<>();
    private final Set<JsonNode> overVotedRecords = new HashSet<>();

    Recount(JsonNode electorate, List<JsonNode> records) {
        seats = electorate.get("seats").asInt();
        alternates = electorate.get("alternates").asInt();
        electorate.get("candidates").forEach(c -> candidates.add(c.get("id").asText()));
        electorate.get("motions").forEach(m -> motions.put(m.get("id").asText(), m.get("threshold").asText()));
        Map<String, Long> unitCents = new HashMap<>();
        Map<String, String> unitPerson = new HashMap<>();
        Set<String> persons = new HashSet<>();
        long cents = 0;
        for (JsonNode u : electorate.get("units")) {
            String key = u.get("building").asText() + "/" + u.get("unit").asText();
            long c = cents(u.get("area").asText());
            unitCents.put(key, c);
            unitPerson.put(key, u.get("personKey").asText());
            persons.add(u.get("personKey").asText());
            cents += c;
        }
        electorateUnits = unitCents.size();
        electorateCents = cents;
        electorateHeads = persons.size();
        for (JsonNode r : records) {
            String key = r.get("building").asText() + "/" + r.get("unit").asText();
            String signature = r.get("signature").asText();
            if (signature.equals("NONE")) {
                unsigned++;
                continue;
            }
            if (!signature.equals("OWNER") && !signature.equals("PROXY_WITH_AUTHORIZATION")) {
                unauthorized++;
                continue;
            }
            Long c = unitCents.get(key);
            if (c == null) {
                throw new IllegalArgumentException("ledger record " + r.get("serial") + " is for a unit outside the "
                        + "electorate");
            }
            participatingUnits++;
            participatingCents += c;
            String person = unitPerson.get(key);
            participatingPersons.add(person);
            byPerson.computeIfAbsent(person, p -> new ArrayList<>()).add(r);
            int approvals = 0;
            for (JsonNode mark : r.get("marks")) {
                approvals += mark.asText().equals("APPROVE") ? 1 : 0;
            }
            if (approvals > seats) {
                overVoted++;
                overVotedRecords.add(r);
            }
        }
    }

    List<String> compareWith(JsonNode tally) {
        List<String> d = new ArrayList<>();
        long np = participatingPersons.size();
        same(d, "electorate units", electorateUnits, tally.at("/electorate/units").asLong());
        same(d, "electorate area (0.01 m²)", electorateCents, cents(tally.at("/electorate/area")));
        same(d, "electorate headcount", electorateHeads, tally.at("/electorate/headcount").asLong());
        same(d, "participating units", participatingUnits, tally.at("/participation/units").asLong());
        same(d, "participating area (0.01 m²)", participatingCents, cents(tally.at("/participation/area")));
        same(d, "participating headcount", np, tally.at("/participation/headcount").asLong());
        same(d, "unsigned ballots", unsigned, tally.at("/invalid/unsigned").asLong());
        same(d, "proxy ballots without authorization", unauthorized,
                tally.at("/invalid/proxyWithoutAuthorization").asLong());
        same(d, "over-voted ballots", overVoted, tally.get("overVoted").asLong());
        boolean areaMet = 3 * participatingCents >= 2 * electorateCents;
        boolean headsMet = 3 * np >= 2 * electorateHeads;
        boolean quorum = areaMet && headsMet;
        same(d, "quorum by area", areaMet, tally.at("/quorum/areaMet").asBoolean());
        same(d, "quorum by headcount", headsMet, tally.at("/quorum/headcountMet").asBoolean());

        Map<String, long[]> figures = new HashMap<>(); // candidate → {heads, cents}
        List<String> passing = new ArrayList<>();
        Map<String, JsonNode> published = new HashMap<>();
        tally.get("candidates").forEach(c -> published.put(c.get("candidateId").asText(), c));
        for (String candidate : candidates) {
            long[] f = approving(record -> !overVotedRecords.contains(record)
                    && record.path("marks").path(candidate).asText().equals("APPROVE"));
            figures.put(candidate, f);
            boolean passes = quorum && 2 * f[0] > np && 2 * f[1] > participatingCents;
            if (passes) {
                passing.add(candidate);
            }
            JsonNode p = published.get(candidate);
            if (p == null) {
                d.add("candidate " + candidate + " is missing from the tally");
                continue;
            }
            same(d, "candidate " + candidate + " approving heads", f[0], p.get("approvingHeads").asLong());
            same(d, "candidate " + candidate + " approving area (0.01 m²)", f[1], cents(p.get("approvingArea")));
            same(d, "candidate " + candidate + " passes", passes, p.get("passes").asBoolean());
        }
        int m = 0;
        for (Map.Entry<String, String> motion : motions.entrySet()) {
            long[] f = approving(record -> record.path("motions").path(motion.getKey()).asText().equals("APPROVE"));
            boolean passes = quorum && (motion.getValue().equals("SPECIAL")
                    ? 4 * f[0] >= 3 * np && 4 * f[1] >= 3 * participatingCents
                    : 2 * f[0] > np && 2 * f[1] > participatingCents);
            JsonNode p = tally.get("motions").get(m++);
            same(d, "motion " + motion.getKey() + " approving heads", f[0], p.get("approvingHeads").asLong());
            same(d, "motion " + motion.getKey() + " approving area (0.01 m²)", f[1], cents(p.get("approvingArea")));
            same(d, "motion " + motion.getKey() + " passes", passes, p.get("passes").asBoolean());
        }
        comparePlaces(d, tally, passing, figures);
        same(d, "vacancies", Math.max(0, seats - passing.size()), tally.get("vacancies").asLong());
        return d;
    }

    /** Seats and alternate places in rank order; within a tie settled by lots, the recorded draw is taken as is. */
    private void comparePlaces(List<String> d, JsonNode tally, List<String> passing, Map<String, long[]> figures) {
        passing.sort((a, b) -> {
            long[] x = figures.get(a);
            long[] y = figures.get(b);
            return x[0] != y[0] ? Long.compare(y[0], x[0]) : Long.compare(y[1], x[1]);
        });
        Set<String> elected = new TreeSet<>();
        Set<String> alternatePlaces = new TreeSet<>();
        Set<String> publishedElected = new TreeSet<>();
        tally.get("elected").forEach(e -> publishedElected.add(e.asText()));
        Set<String> publishedAlternates = new TreeSet<>();
        tally.get("alternates").forEach(e -> publishedAlternates.add(e.asText()));
        int i = 0;
        while (i < passing.size()) {
            int end = i + 1;
            while (end < passing.size() && Arrays.equals(figures.get(passing.get(i)),
                    figures.get(passing.get(end)))) {
                end++;
            }
            List<String> group = passing.subList(i, end);
            boolean crosses = (i < seats && end > seats) || (i < seats + alternates && end > seats + alternates);
            if (crosses) {
                if (drawn(tally, group)) {
                    group.stream().filter(publishedElected::contains).forEach(elected::add);
                    group.stream().filter(publishedAlternates::contains).forEach(alternatePlaces::add);
                }
                // not drawn: nobody of the group is placed until lots are drawn
            } else {
                for (int k = i; k < end; k++) {
                    (k < seats ? elected : k < seats + alternates ? alternatePlaces : new TreeSet<String>())
                            .add(passing.get(k));
                }
            }
            i = end;
        }
        if (!elected.equals(publishedElected)) {
            d.add("elected: recomputed " + elected + ", the tally says " + publishedElected);
        }
        if (!alternatePlaces.equals(publishedAlternates)) {
            d.add("alternates: recomputed " + alternatePlaces + ", the tally says " + publishedAlternates);
        }
    }

    private static boolean drawn(JsonNode tally, List<String> group) {
        for (JsonNode tie : tally.get("ties")) {
            Set<String> members = new HashSet<>();
            tie.get("candidateIds").forEach(c -> members.add(c.asText()));
            if (members.equals(new HashSet<>(group)) && tie.get("drawn").asBoolean()) {
                return true;
            }
        }
        return false;
    }

    /** {heads, hundredths of m²}: area from each approving ballot, a head where all the person's ballots approve. */
    private long[] approving(Predicate<JsonNode> approves) {
        long heads = 0;
        long cents = 0;
        for (List<JsonNode> ballots : byPerson.values()) {
            boolean all = true;
            for (JsonNode r : ballots) {
                if (approves.test(r)) {
                    cents += cents(r.get("area").asText());
                } else {
                    all = false;
                }
            }
            heads += all ? 1 : 0;
        }
        return new long[] { heads, cents };
    }

    static long cents(String area) {
        return new BigDecimal(area).movePointRight(2).longValueExact();
    }

    private static long cents(JsonNode number) {
        return number.decimalValue().movePointRight(2).longValueExact();
    }

    private static void same(List<String> d, String what, long recomputed, long published) {
        if (recomputed != published) {
            d.add(what + ": recomputed " + recomputed + ", the tally says " + published);
        }
    }

    private static void same(List<String> d, String what, boolean recomputed, boolean published) {
        if (recomputed != published) {
            d.add(what + ": recomputed " + recomputed + ", the tally says " + published);
        }
    }
}
