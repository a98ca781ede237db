package dev.roost.rules.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roost.rules.model.CronTrigger;
import dev.roost.rules.model.SunEvent;
import dev.roost.rules.model.SunTrigger;
import dev.roost.rules.model.Trigger;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeTriggersTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final TriggerFactory FACTORY = new TriggerFactory(
            new TriggerSettings("home", new Location(52.52, 13.405, BERLIN)));

    private static TimeTrigger build(Trigger trigger) {
        return FACTORY.build(List.of(trigger)).times().get(0);
    }

    @Test
    void cronFiresAtTheNextMatchingSecondInTheHubsZone() {
        TimeTrigger trigger = build(new CronTrigger("0 30 18 * * *"));
        ZonedDateTime morning = ZonedDateTime.of(2026, 11, 25, 9, 0, 0, 0, BERLIN);

        ZonedDateTime first = trigger.nextAfter(morning).orElseThrow();
        ZonedDateTime second = trigger.nextAfter(first).orElseThrow();

        assertThat(first).isEqualTo(ZonedDateTime.of(2026, 11, 25, 18, 30, 0, 0, BERLIN));
        assertThat(second).isEqualTo(ZonedDateTime.of(2026, 11, 26, 18, 30, 0, 0, BERLIN));
    }

    @Test
    void cronFollowsDaylightSavingTime() {
        TimeTrigger trigger = build(new CronTrigger("0 0 7 * * *"));
        ZonedDateTime beforeChange = ZonedDateTime.of(2026, 3, 28, 8, 0, 0, 0, BERLIN);

        ZonedDateTime next = trigger.nextAfter(beforeChange).orElseThrow();

        assertThat(next.toLocalTime().getHour()).isEqualTo(7);
        assertThat(next.getOffset().getTotalSeconds()).isEqualTo(2 * 3600);
    }

    @Test
    void sunsetInBerlinInLateNovemberIsAroundFourPm() {
        TimeTrigger trigger = build(new SunTrigger(SunEvent.SUNSET, Duration.ZERO));
        ZonedDateTime morning = ZonedDateTime.of(2026, 11, 25, 9, 0, 0, 0, BERLIN);

        ZonedDateTime sunset = trigger.nextAfter(morning).orElseThrow();

        // Almanacs give about 15:58-16:00 for Berlin on 25 November.
        assertThat(sunset.toLocalDate()).isEqualTo(morning.toLocalDate());
        assertThat(Duration.between(ZonedDateTime.of(2026, 11, 25, 15, 59, 0, 0, BERLIN), sunset).abs())
                .isLessThan(Duration.ofMinutes(5));
    }

    @Test
    void offsetShiftsTheMomentAndTheNextOneIsTomorrowOnceItPassed() {
        TimeTrigger sunset = build(new SunTrigger(SunEvent.SUNSET, Duration.ZERO));
        TimeTrigger early = build(new SunTrigger(SunEvent.SUNSET, Duration.ofMinutes(-15)));
        ZonedDateTime morning = ZonedDateTime.of(2026, 11, 25, 9, 0, 0, 0, BERLIN);

        ZonedDateTime today = sunset.nextAfter(morning).orElseThrow();
        ZonedDateTime earlyToday = early.nextAfter(morning).orElseThrow();
        ZonedDateTime afterFiring = early.nextAfter(earlyToday).orElseThrow();

        // suncalc refines the moment iteratively, so two searches from different times agree to seconds.
        assertThat(Duration.between(today.minusMinutes(15), earlyToday).abs()).isLessThan(Duration.ofMinutes(1));
        assertThat(afterFiring.toLocalDate()).isEqualTo(morning.toLocalDate().plusDays(1));
    }

    @Test
    void betweenTheShiftedMomentAndTheEventItselfTheNextIsTomorrow() {
        TimeTrigger early = build(new SunTrigger(SunEvent.SUNSET, Duration.ofMinutes(-15)));
        ZonedDateTime today = early.nextAfter(ZonedDateTime.of(2026, 11, 25, 9, 0, 0, 0, BERLIN)).orElseThrow();

        ZonedDateTime next = early.nextAfter(today.plusMinutes(5)).orElseThrow();

        assertThat(next.toLocalDate()).isEqualTo(today.toLocalDate().plusDays(1));
    }

    @Test
    void sunriseComesInTheMorning() {
        TimeTrigger sunrise = build(new SunTrigger(SunEvent.SUNRISE, Duration.ofMinutes(30)));

        ZonedDateTime next = sunrise.nextAfter(ZonedDateTime.of(2026, 11, 25, 12, 0, 0, 0, BERLIN)).orElseThrow();

        assertThat(next.toLocalDate()).isEqualTo(LocalDate.of(2026, 11, 26));
        assertThat(next.getHour()).isBetween(8, 9);
    }

    @Test
    void inPolarNightTheNextSunriseIsWeeksAway() {
        TriggerFactory tromso = new TriggerFactory(
                new TriggerSettings("home", new Location(69.65, 18.96, ZoneId.of("Europe/Oslo"))));
        TimeTrigger sunrise = tromso.build(List.of(new SunTrigger(SunEvent.SUNRISE, Duration.ZERO))).times().get(0);
        ZonedDateTime midDecember = ZonedDateTime.of(2026, 12, 15, 12, 0, 0, 0, ZoneId.of("Europe/Oslo"));

        ZonedDateTime next = sunrise.nextAfter(midDecember).orElseThrow();

        assertThat(next.toLocalDate()).isAfter(LocalDate.of(2027, 1, 10));
    }
}
