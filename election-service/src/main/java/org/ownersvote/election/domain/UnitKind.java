package org.ownersvote.election.domain;

import java.util.Arrays;
import java.util.Optional;

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

    public static Optional<UnitKind> fromCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }
}
