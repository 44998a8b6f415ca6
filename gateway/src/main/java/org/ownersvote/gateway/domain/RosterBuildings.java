package org.ownersvote.gateway.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ownersvote.platform.problem.Problem;
import org.ownersvote.platform.problem.Text;
import org.ownersvote.platform.text.IdentityText;

/**
 * The buildings on a community's roster, as a building leader's account must name them: a building typed with other
 * widths or spaces ("１号楼 ") is the roster's building; one that is not on the roster ("1号楼1号楼") is refused, since
 * its leader would see an empty worklist and no ballot of theirs would be found.
 */
public final class RosterBuildings {

    private final Map<String, String> byNormalForm = new LinkedHashMap<>();

    public RosterBuildings(List<String> onRoster) {
        onRoster.forEach(b -> byNormalForm.putIfAbsent(IdentityText.normalise(b), b));
    }

    /** The buildings as the roster spells them, in the order given; an error naming the ones it does not have. */
    public Result match(List<String> given) {
        List<String> matched = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String building : given) {
            String onRoster = byNormalForm.get(IdentityText.normalise(building));
            if (onRoster == null) {
                unknown.add(building);
            } else if (!matched.contains(onRoster)) {
                matched.add(onRoster);
            }
        }
        if (unknown.isEmpty()) {
            return new Result(matched, Optional.empty());
        }
        Text message = byNormalForm.isEmpty() ? Text.of("account.no-roster")
                : Text.of("account.building-not-on-roster", String.join("、", unknown));
        return new Result(matched, Optional.of(Problem.FieldError.of("buildings", message)));
    }

    public record Result(List<String> buildings, Optional<Problem.FieldError> error) {
    }
}
