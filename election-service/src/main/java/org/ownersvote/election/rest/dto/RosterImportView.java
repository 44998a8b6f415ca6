package org.ownersvote.election.rest.dto;

import java.util.List;

import org.ownersvote.election.service.RosterService;

/** What an import did: the units now on the roster, what changed against the previous roster, the electorate. */
public record RosterImportView(int units, Changes changes, ElectorateView electorate) {

    /** Up to {@link #LISTED} unit names per list; the counts are always complete. */
    public record Changes(int added, int removed, int changed, List<String> addedUnits, List<String> removedUnits,
            List<String> changedUnits) {
    }

    static final int LISTED = 1000;

    public static RosterImportView of(RosterService.ImportResult r) {
        return new RosterImportView(r.units(), new Changes(r.diff().added().size(), r.diff().removed().size(),
                r.diff().changed().size(), first(r.diff().added()), first(r.diff().removed()),
                first(r.diff().changed())), ElectorateView.of("CN-2021", r.electorate()));
    }

    private static List<String> first(List<String> names) {
        return names.subList(0, Math.min(LISTED, names.size()));
    }
}
