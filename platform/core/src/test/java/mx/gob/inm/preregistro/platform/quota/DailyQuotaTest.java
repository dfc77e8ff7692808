package mx.gob.inm.preregistro.platform.quota;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DailyQuotaTest {

    private static final Instant START = Instant.parse("2026-06-15T15:00:00Z");

    @Test
    @DisplayName("R-PRE-11 R-ACC-7 three a day: the fourth waits until the oldest is a day old, then one more is taken and the day's older uses are dropped")
    void threeADay() {
        List<Instant> times = new ArrayList<>();
        for (int minute = 0; minute < 3; minute++) {
            assertThat(DailyQuota.take(times, START.plus(Duration.ofMinutes(minute)), 3)).isEmpty();
        }
        Instant later = START.plus(Duration.ofHours(5));
        assertThat(DailyQuota.take(times, later, 3)).hasValue(Duration.ofHours(19));
        assertThat(times).hasSize(3);

        Instant nextDay = START.plus(Duration.ofDays(1));
        assertThat(DailyQuota.take(times, nextDay, 3)).as("the first use is exactly a day old").isEmpty();
        assertThat(times).containsExactly(START.plusSeconds(60), START.plusSeconds(120), nextDay);
    }

    @Test
    @DisplayName("R-PRE-8 the wait is counted from the oldest use, whatever order the times were kept in")
    void oldestInAnyOrder() {
        List<Instant> times = new ArrayList<>(List.of(START.plusSeconds(600), START, START.plusSeconds(300)));
        assertThat(DailyQuota.take(times, START.plusSeconds(900), 3)).hasValue(Duration.ofDays(1).minusSeconds(900));
    }
}
