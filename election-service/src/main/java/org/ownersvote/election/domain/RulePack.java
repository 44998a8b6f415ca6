package org.ownersvote.election.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.ownersvote.platform.problem.Text;

/**
 * The legal rules an election runs under. Every tally names the pack and version it used.
 * Committee size: odd; national guidance 5–11; Shanghai ≥ 5, or 3 where the total area is under 10,000 m² (§20).
 */
public enum RulePack {

    CN_2021("CN-2021"), SH_2020("SH-2020");

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

    /*
     * The periods of the pack, in whole days, each computed by platform Periods (民法典 §201/§203: the day it starts is
     * not counted, the last day ends at 24:00 Beijing time and moves past rest days). docs/rules/periods.md.
     */

    /**
     * Whole days the candidate list is public before voting may open: 物业管理条例 §14 and 上海 §16 both ask "at least
     * 15 days before", read so that 15 whole days lie between publication and the day voting opens. Objections to a
     * candidate are taken during this period.
     */
    public int minimumPublicityDays() {
        return 15;
    }

    /**
     * The longest voting period, from the day voting opens, that creation and every extension of the deadline must
     * keep to. No statute fixes it; 60 days keeps a vote within one season, as both packs' guidance expects a vote to
     * be held promptly after publicity (a product bound, stated on the notice by the deadline itself).
     */
    public int maximumVotingDays() {
        return 60;
    }

    /**
     * Days within which the elected committee is announced to all owners after the election: 上海 §21 (3 days); the
     * national rules set none.
     */
    public Optional<Integer> committeeAnnouncementDays() {
        return this == SH_2020 ? Optional.of(3) : Optional.empty();
    }

    /**
     * Days within which the committee files with the street office (and the district housing department) after the
     * election: 上海 §23 and 物业管理条例 §16 both 30.
     */
    public int filingDays() {
        return 30;
    }

    /** The pack in a person's words, with its code ("上海规定（SH-2020）"). */
    public Text words() {
        return switch (this) {
            case CN_2021 -> Text.of("rule-pack.cn-2021");
            case SH_2020 -> Text.of("rule-pack.sh-2020");
        };
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
    public List<Text> committeeSizeViolations(int seats, int alternates, Optional<BigDecimal> totalArea) {
        List<Text> violations = new ArrayList<>();
        if (seats % 2 == 0) {
            violations.add(Text.of("committee.seats-even"));
        }
        switch (this) {
            case CN_2021 -> {
                if (seats < 5 || seats > 11) {
                    violations.add(Text.of("committee.seats-national", words()));
                }
            }
            case SH_2020 -> {
                boolean small = totalArea.map(a -> a.compareTo(SMALL_COMMUNITY_AREA) < 0).orElse(false);
                if (seats < 5 && !(seats == 3 && small)) {
                    violations.add(totalArea.isEmpty() ? Text.of("committee.seats-shanghai-no-roster", words())
                            : Text.of("committee.seats-shanghai", words()));
                }
            }
        }
        if (alternates < 0 || alternates > seats) {
            violations.add(Text.of("committee.alternates-out-of-range"));
        }
        return violations;
    }
}
