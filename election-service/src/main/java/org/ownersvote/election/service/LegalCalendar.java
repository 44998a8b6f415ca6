package org.ownersvote.election.service;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.ownersvote.platform.problem.ProblemException;
import org.ownersvote.platform.problem.Text;
import org.ownersvote.platform.time.HolidayCalendar;
import org.ownersvote.platform.time.MissingHolidayCalendarException;
import org.ownersvote.platform.time.Periods;

/**
 * The holiday calendar periods are counted with: the State Council notices shipped in platform
 * ({@code holidays/CN-<year>.properties}), plus or replaced by the files in {@code ownersvote.holidays.files}. A period
 * that would end in a year with no notice is refused (409 {@code holiday-calendar-missing}), never guessed; the log
 * warns at start when next year's notice is not loaded yet.
 */
@ApplicationScoped
public class LegalCalendar {

    private static final Logger LOG = Logger.getLogger(LegalCalendar.class);

    @Produces
    @Singleton
    Periods periods(@ConfigProperty(name = "ownersvote.holidays.files") Optional<List<String>> files,
            ElectionClock clock) {
        HolidayCalendar calendar = HolidayCalendar.shipped()
                .withFiles(files.orElse(List.of()).stream().map(Path::of).toList());
        int thisYear = Periods.dayOf(clock.now()).getYear();
        for (int year : List.of(thisYear, thisYear + 1)) {
            if (!calendar.loadedYears().contains(year)) {
                LOG.warnf("No holiday calendar for %d is loaded (loaded: %s): a period ending in %d cannot be computed "
                        + "and is refused until the State Council's notice for %d is added (ownersvote.holidays.files; "
                        + "docs/rules/periods.md)", year, calendar.loadedYears(), year, year);
            }
        }
        return new Periods(calendar);
    }

    /** What a period computation gives, or a 409 naming the missing year: nothing is changed without a lawful end. */
    static <T> T lawful(Supplier<T> period) {
        try {
            return period.get();
        } catch (MissingHolidayCalendarException e) {
            throw ProblemException.conflict("holiday-calendar-missing", Text.of("period.holiday-calendar-missing",
                    String.valueOf(e.year())));
        }
    }
}
