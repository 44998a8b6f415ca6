package org.ownersvote.notification.service;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.ownersvote.notification.Notice;
import org.ownersvote.platform.time.LegalDates;

import io.quarkus.qute.Engine;
import io.quarkus.qute.TemplateInstance;

/**
 * The wording of notices, in the style of real community notices: one Qute template per kind and language under
 * {@code templates/notices/} (first line the title, the rest the body). Chinese is the board's language; English
 * is the variant. A drill's notices are marked so that nobody mistakes them for real ones.
 */
@ApplicationScoped
public class NoticeTexts {

    static final String DRILL_MARK_ZH = "【演练】";
    static final String DRILL_MARK_EN = "[DRILL] ";
    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter ZH = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");
    private static final DateTimeFormatter EN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

    @Inject
    Engine qute;

    public record Text(String title, String body) {
    }

    /** The notice of this kind in one language ("zh" or "en"), from the data its template prints. */
    public Text render(Notice.Kind kind, String language, boolean drill, Map<String, Object> data) {
        TemplateInstance template = qute.getTemplate("notices/" + kind.name() + "." + language
                + ".txt").instance().data("lang", language);
        data.forEach(template::data);
        String rendered = template.render().strip();
        int newline = rendered.indexOf('\n');
        String mark = !drill ? "" : language.equals("zh") ? DRILL_MARK_ZH : DRILL_MARK_EN;
        return new Text(mark + rendered.substring(0, newline).strip(), mark + rendered.substring(newline + 1).strip());
    }

    /** A time as notices print it, in Beijing time. */
    public static String when(OffsetDateTime time, String language) {
        if (time == null) {
            return "";
        }
        return language.equals("zh") ? ZH.format(time.atZoneSameInstant(BEIJING))
                : EN.format(time.atZoneSameInstant(BEIJING)) + " (Beijing time)";
    }

    /**
     * A deadline or the end of a period as the law states it: 24:00 of its last day, Beijing time
     * ({@code 2026年12月16日24时}, {@code 24:00 on 16 December 2026, Beijing time}); platform LegalDates.
     */
    public static String deadline(OffsetDateTime deadline, String language) {
        return LegalDates.deadline(deadline, language);
    }

    public static String rulePackName(String code, String language) {
        boolean zh = language.equals("zh");
        return switch (code) {
            case "SH-2020" -> zh ? "《上海市住宅物业管理规定》"
                    : "the Shanghai Residential Property Management Regulations";
            case "CN-2021" -> zh ? "《中华人民共和国民法典》及《物业管理条例》"
                    : "the Civil Code and the Property Management Regulations";
            default -> code;
        };
    }
}
