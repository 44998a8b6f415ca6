package org.ownersvote.gateway.domain;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import org.ownersvote.platform.problem.ProblemTexts;
import org.ownersvote.platform.problem.Text;
import org.ownersvote.platform.problem.Wording;

/**
 * Staff roles as a message names them: in words ("楼长", "building leader"), never as the token's role string
 * ("building-leader"). A role that is not a staff role at all is quoted as the caller typed it.
 */
public final class RoleNames {

    /** The order roles are listed in: by the work, from the platform's admin to the tally's last signature. */
    private static final List<String> ORDER = List.of("admin", "street-office", "working-group", "building-leader",
            "counter", "scrutineer", "chief-scrutineer", "owner");

    private RoleNames() {
    }

    /** The role in words; an unknown role as typed, in quotes. */
    public static Wording of(String role) {
        Text name = switch (role) {
            case "admin" -> Text.of("role.admin");
            case "street-office" -> Text.of("role.street-office");
            case "working-group" -> Text.of("role.working-group");
            case "building-leader" -> Text.of("role.building-leader");
            case "counter" -> Text.of("role.counter");
            case "scrutineer" -> Text.of("role.scrutineer");
            case "chief-scrutineer" -> Text.of("role.chief-scrutineer");
            case "owner" -> Text.of("role.owner");
            default -> null;
        };
        return name != null ? name : Text.of("role.typed", role);
    }

    /** Several roles in words, each once, in the order of the work: "楼长、计票人" / "building leader, counter". */
    public static Wording list(Collection<String> roles) {
        return new Listed(new TreeSet<>(roles).stream()
                .sorted(Comparator.comparingInt(r -> ORDER.contains(r) ? ORDER.indexOf(r) : ORDER.size()))
                .map(RoleNames::of).toList());
    }

    /** Words joined as a list in the language: "、" in Chinese, ", " in English. */
    record Listed(List<Wording> items) implements Wording {

        @Override
        public String in(Locale language) {
            return String.join(language == ProblemTexts.CHINESE ? "、" : ", ",
                    items.stream().map(w -> w.in(language)).toList());
        }
    }
}
