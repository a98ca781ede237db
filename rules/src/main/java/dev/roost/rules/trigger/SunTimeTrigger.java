package dev.roost.rules.trigger;

import dev.roost.rules.model.SunEvent;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.function.Supplier;
import org.shredzone.commons.suncalc.SunTimes;

/**
 * Fires at sunrise or sunset at the hub's location, shifted by an offset, computed by commons-suncalc.
 * In polar day or night, when the sun does not rise or set for a while, it fires at the next one there is.
 * The location is read at each computation, so a hub moved in the settings computes its next moment for the new
 * place once the engine re-arms it.
 */
final class SunTimeTrigger implements TimeTrigger {

    private final Supplier<Location> location;
    private final SunEvent event;
    private final Duration offset;

    SunTimeTrigger(Supplier<Location> location, SunEvent event, Duration offset) {
        this.location = location;
        this.event = event;
        this.offset = offset;
    }

    @Override
    public Optional<ZonedDateTime> nextAfter(ZonedDateTime after) {
        ZonedDateTime from = after;
        for (int attempt = 0; attempt < 3; attempt++) {
            // event + offset is after 'from' exactly when the event is after 'from - offset'.
            Optional<ZonedDateTime> next = eventAfter(from.minus(offset)).map(moment -> moment.plus(offset));
            if (next.isEmpty() || next.get().isAfter(after)) {
                return next;
            }
            // suncalc rounds to the minute, so the moment just fired can come back: look past it.
            from = from.plusMinutes(1);
        }
        return Optional.empty();
    }

    /** The next event after {@code from}; suncalc searches a window of a year, which covers polar night. */
    private Optional<ZonedDateTime> eventAfter(ZonedDateTime from) {
        Location here = location.get();
        SunTimes times = SunTimes.compute()
                .on(from.withZoneSameInstant(here.zone()))
                .timezone(here.zone())
                .at(here.latitude(), here.longitude())
                .execute();
        return Optional.ofNullable(event == SunEvent.SUNRISE ? times.getRise() : times.getSet());
    }

    @Override
    public String describe() {
        String name = event == SunEvent.SUNRISE ? "sunrise" : "sunset";
        return offset.isZero() ? name : name + " " + (offset.isNegative() ? "" : "+") + offset.toMinutes() + "m";
    }
}
