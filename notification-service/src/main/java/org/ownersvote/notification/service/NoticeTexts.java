package org.ownersvote.notification.service;

import org.ownersvote.events.election.ElectionCreated;

/** The wording of notices, in the style of real community notices (Chinese first). */
public final class NoticeTexts {

    static final String DRILL_MARK = "【演练】";

    private NoticeTexts() {
    }

    public static String electionStartedTitle(ElectionCreated e) {
        return mark(e.drill()) + e.communityName() + "业主委员会选举工作启动公告";
    }

    public static String electionStartedBody(ElectionCreated e) {
        return mark(e.drill()) + "各位业主：\n"
                + "经换届改选小组研究，" + e.communityName() + "启动“" + e.title() + "”工作。"
                + "本次选举依照" + rulePackName(e.rulePack()) + "进行，拟选举业主委员会委员" + e.seats() + "名"
                + (e.alternates() > 0 ? "、候补委员" + e.alternates() + "名" : "") + "，投票期为"
                + e.votingDays() + "天。\n"
                + "候选人推荐、名单公示及投票的具体安排将另行公告，敬请关注。";
    }

    private static String rulePackName(String code) {
        return switch (code) {
            case "SH-2020" -> "《上海市住宅物业管理规定》";
            case "CN-2021" -> "《中华人民共和国民法典》及《物业管理条例》";
            default -> code;
        };
    }

    private static String mark(boolean drill) {
        return drill ? DRILL_MARK : "";
    }
}
