package mx.gob.inm.preregistro.platform.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class QuotaTest {

    private static final Instant START = Instant.parse("2026-06-15T15:00:00Z");

    @Test
    @DisplayName("R-PRE-11 R-ACC-7 three a day: the fourth waits until the oldest is a day old, then one more is taken and the older uses are dropped")
    void threeADay() {
        Quota quota = Quota.perDay(3);
        List<Instant> times = new ArrayList<>();
        for (int minute = 0; minute < 3; minute++) {
            assertThat(quota.take(times, START.plus(Duration.ofMinutes(minute)))).isEmpty();
        }
        assertThat(quota.take(times, START.plus(Duration.ofHours(5)))).hasValue(Duration.ofHours(19));
        assertThat(times).hasSize(3);

        Instant nextDay = START.plus(Duration.ofDays(1));
        assertThat(quota.take(times, nextDay)).as("the first use is exactly a day old").isEmpty();
        assertThat(times).containsExactly(START.plusSeconds(60), START.plusSeconds(120), nextDay);
    }

    @Test
    @DisplayName("R-DOC-2 the wait is counted from the oldest use in the window, whatever order the times were kept in")
    void oldestInAnyOrder() {
        List<Instant> times = new ArrayList<>(List.of(START.plusSeconds(600), START, START.plusSeconds(300)));
        assertThat(new Quota(Duration.ofHours(1), 3).take(times, START.plusSeconds(900)))
                .hasValue(Duration.ofHours(1).minusSeconds(900));
    }

    @Test
    @DisplayName("a quota without a positive window and limit is refused when configured")
    void positiveOnly() {
        assertThatThrownBy(() -> new Quota(Duration.ZERO, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Quota.perDay(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
