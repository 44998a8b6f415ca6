package org.ownersvote.notification.service;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.ownersvote.notification.Message;

import io.quarkus.qute.Engine;
import io.quarkus.qute.TemplateInstance;

/**
 * The wording of messages: one Qute template per purpose under {@code templates/messages/} (first line the subject,
 * the rest the text), filled with the same parameters an SMS provider gets with the template id, so the text kept
 * here is the text the owner reads. Messages are in Chinese, the owners' language.
 */
@ApplicationScoped
public class MessageTexts {

    public record Text(String subject, String body) {
    }

    @Inject
    Engine qute;

    public Text render(Message.Purpose purpose, boolean drill, Map<String, String> params) {
        TemplateInstance template = qute.getTemplate("messages/" + purpose.name() + ".txt").instance();
        params.forEach(template::data);
        String rendered = template.render().strip();
        int newline = rendered.indexOf('\n');
        String mark = drill ? NoticeTexts.DRILL_MARK_ZH : "";
        return new Text(mark + rendered.substring(0, newline).strip(), mark + rendered.substring(newline + 1).strip());
    }
}
