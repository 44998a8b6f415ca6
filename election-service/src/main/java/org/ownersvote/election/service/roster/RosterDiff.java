package org.ownersvote.election.service.roster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.ownersvote.election.domain.RosterUnit;

/** What a re-import changes: units added, removed and changed, named "building unit". */
public record RosterDiff(List<String> added, List<String> removed, List<String> changed) {

    public static String key(String building, String unit) {
        return building + " " + unit;
    }

    /** Compares by (building, unit); a unit is changed when any of its roster fields differs. */
    public static RosterDiff between(Map<String, RosterUnit> before, Map<String, RosterUnit> after) {
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        after.forEach((key, unit) -> {
            RosterUnit old = before.get(key);
            if (old == null) {
                added.add(key);
            } else if (!sameRecord(old, unit)) {
                changed.add(key);
            }
        });
        List<String> removed = before.keySet().stream().filter(k -> !after.containsKey(k)).toList();
        return new RosterDiff(added, removed, changed);
    }

    private static boolean sameRecord(RosterUnit a, RosterUnit b) {
        return a.kind() == b.kind() && a.area().compareTo(b.area()) == 0 && a.owners().equals(b.owners())
                && a.ownerRef().equals(b.ownerRef()) && Objects.equals(a.phone(), b.phone())
                && a.developerHeld() == b.developerHeld();
    }
}
