package mx.gob.inm.preregistro.document.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import mx.gob.inm.preregistro.platform.problem.ProblemException;

class PixelBudgetTest {

    private static final long MEGAPIXEL = 1_000_000;

    @Test
    @DisplayName("R-DOC-2 photos hold their pixels while read: one that does not fit waits for another to end, then is read")
    void photosTakeTurns() throws Exception {
        PixelBudget budget = new PixelBudget(40 * MEGAPIXEL, Duration.ofSeconds(10));
        PixelBudget.Held first = budget.take(30 * MEGAPIXEL);
        PixelBudget.Held second = budget.take(10 * MEGAPIXEL);

        CompletableFuture<PixelBudget.Held> third = CompletableFuture.supplyAsync(() -> budget.take(12 * MEGAPIXEL));
        Thread.sleep(200);
        assertThat(third).as("waits while 40 of 40 megapixels are held").isNotDone();

        first.close();
        third.get(5, TimeUnit.SECONDS).close();
        second.close();
    }

    @Test
    @DisplayName("R-DOC-2 a photo whose pixels do not come free in time is a 503 scans_busy, and what it waited for stays free for the others")
    void busyInTime() {
        PixelBudget budget = new PixelBudget(40 * MEGAPIXEL, Duration.ofMillis(100));
        PixelBudget.Held held = budget.take(40 * MEGAPIXEL);

        assertThatThrownBy(() -> budget.take(1)).isInstanceOfSatisfying(ProblemException.class, busy -> {
            assertThat(busy.status().value()).isEqualTo(503);
            assertThat(busy.code()).isEqualTo("scans_busy");
        });
        held.close();
        budget.take(40 * MEGAPIXEL).close();
    }

    @Test
    @DisplayName("R-DOC-2 R-DOC-3 the budget comes from the heap at about 14 bytes a pixel: 768 MB reads 40 megapixels at once, 384 MB about 16")
    void fromTheHeap() {
        long megabyte = 1024 * 1024;
        assertThat(PixelBudget.ofHeap(768 * megabyte) / MEGAPIXEL).isEqualTo(45);
        assertThat(PixelBudget.ofHeap(384 * megabyte) / MEGAPIXEL).isEqualTo(16);
        assertThat(PixelBudget.ofHeap(100 * megabyte)).isZero();
        assertThat(new PixelBudget(0, Duration.ZERO).pixels()).as("at least one permit").isEqualTo(1000);
    }
}
