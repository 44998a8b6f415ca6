package org.ownersvote.election.domain;

import java.util.Arrays;
import java.util.Optional;

import org.ownersvote.platform.problem.Text;

/** The kind of an exclusive part (专有部分), as the roster names it. */
public enum UnitKind {
    RESIDENCE("residence"), SHOP("shop"), PARKING("parking"), OTHER("other");

    private final String code;

    UnitKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The kind in a person's words ("车位", not PARKING). */
    public Text words() {
        return switch (this) {
            case RESIDENCE -> Text.of("kind.residence");
            case SHOP -> Text.of("kind.shop");
            case PARKING -> Text.of("kind.parking");
            case OTHER -> Text.of("kind.other");
        };
    }

    public static Optional<UnitKind> fromCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }
}
