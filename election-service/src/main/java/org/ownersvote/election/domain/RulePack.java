package org.ownersvote.election.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The legal rules an election runs under (DOMAIN.md "rule packs"). Every tally names the pack and version it used.
 * Committee size: odd; national guidance 5–11; Shanghai ≥ 5, or 3 where the total area is under 10,000 m² (§20).
 */
public enum RulePack {

    CN_2021("CN-2021"),
    SH_2020("SH-2020");

    private static final BigDecimal SMALL_COMMUNITY_AREA = new BigDecimal("10000");

    private final String code;

    RulePack(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /**
     * Whether units of this kind count towards area and headcount. Default of both packs (a community's 议事规则 may
     * say otherwise, which would be a rule-pack option): residences and shops count, parking spaces and others not.
     */
    public boolean counts(UnitKind kind) {
        return kind == UnitKind.RESIDENCE || kind == UnitKind.SHOP;
    }

    /** Days the candidate list is public before voting may open: 物业管理条例 §14 and 上海 §16 both ask 15. */
    public int minimumPublicityDays() {
        return 15;
    }

    public static Optional<RulePack> fromCode(String code) {
        return Arrays.stream(values()).filter(p -> p.code.equals(code)).findFirst();
    }

    /**
     * What is wrong with this committee size under the pack; empty when it is lawful.
     *
     * @param totalArea the electorate's area {@code A}; empty while the roster is not imported, in which case the
     *                  Shanghai small-community allowance of 3 seats is not yet granted
     */
    public List<String> committeeSizeViolations(int seats, int alternates, Optional<BigDecimal> totalArea) {
        List<String> violations = new ArrayList<>();
        if (seats % 2 == 0) {
            violations.add("seats must be an odd number");
        }
        switch (this) {
            case CN_2021 -> {
                if (seats < 5 || seats > 11) {
                    violations.add("seats must be between 5 and 11 under CN-2021");
                }
            }
            case SH_2020 -> {
                boolean small = totalArea.map(a -> a.compareTo(SMALL_COMMUNITY_AREA) < 0).orElse(false);
                if (seats < 5 && !(seats == 3 && small)) {
                    violations.add("seats must be at least 5 under SH-2020 (3 only where the total area is under 10,000 m²"
                            + (totalArea.isEmpty() ? "; import the roster first" : "") + ")");
                }
            }
        }
        if (alternates < 0 || alternates > seats) {
            violations.add("alternates must be between 0 and the number of seats");
        }
        return violations;
    }
}
