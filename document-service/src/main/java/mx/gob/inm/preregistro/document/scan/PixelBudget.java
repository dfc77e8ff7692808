package mx.gob.inm.preregistro.document.scan;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.springframework.http.HttpStatus;

import mx.gob.inm.preregistro.platform.problem.ProblemException;

/**
 * The pixels the photos being read may hold at once, so that the photos read together fit in the heap. Reading a
 * photo holds about {@value #BYTES_PER_PIXEL} bytes a pixel at its peak: the decoded image, its opaque copy, and the
 * OCR's grayscale copy, upright and turned. Without a bound, eight 12-megapixel photos sent at once, or one of 30
 * megapixels, ran the service out of memory (a 500 for most of them, and {@code -XX:+ExitOnOutOfMemoryError}, as
 * Kubernetes and Compose start it, ends the service).
 *
 * <p>A photo takes its pixels before it is decoded and gives them back once read; photos wait their turn, first
 * come first served, for at most {@code wait}, and are then answered {@code 503 scans_busy} with
 * {@code Retry-After}, so the traveller sends the photo again a moment later.
 */
final class PixelBudget {

    /** The peak of reading one photo, in bytes a pixel (a 384 MB heap read a 20 MP photo, not a 30 MP one). */
    static final long BYTES_PER_PIXEL = 14;
    /** The heap the rest of the service keeps for itself (Spring, Tomcat, Kafka's clients, the glyph templates). */
    static final long RESERVED_HEAP = 160L * 1024 * 1024;
    /** Pixels a permit: the semaphore counts in thousands. */
    private static final long PIXELS_A_PERMIT = 1000;

    private final Semaphore permits;
    private final int capacity;
    private final Duration wait;

    /**
     * @param pixels how many pixels may be held at once; at least one permit
     * @param wait   how long a photo waits for its pixels before {@code 503}
     */
    PixelBudget(long pixels, Duration wait) {
        this.capacity = (int) Math.max(1, Math.min(Integer.MAX_VALUE, pixels / PIXELS_A_PERMIT));
        this.permits = new Semaphore(capacity, true);
        this.wait = wait;
    }

    /** The pixels a heap of {@code maxHeapBytes} holds for photos being read. */
    static long ofHeap(long maxHeapBytes) {
        return Math.max(0, maxHeapBytes - RESERVED_HEAP) / BYTES_PER_PIXEL;
    }

    /** The most pixels one photo may have: more than the whole budget would never be read. */
    long pixels() {
        return capacity * PIXELS_A_PERMIT;
    }

    /** Pixels taken for one photo, given back by {@link #close}. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Takes {@code pixels} from the budget, waiting for them as long as allowed.
     *
     * @throws ProblemException {@code 503 scans_busy} when they were not free in time
     */
    Held take(long pixels) {
        int needed = (int) Math.min(capacity, Math.max(1, (pixels + PIXELS_A_PERMIT - 1) / PIXELS_A_PERMIT));
        boolean taken;
        try {
            taken = permits.tryAcquire(needed, wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            taken = false;
        }
        if (!taken) {
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "scans_busy");
        }
        return () -> permits.release(needed);
    }
}
