package mx.gob.inm.preregistro.document.scan;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of an uploaded document image (R-DOC-3): its size in bytes, and the pixels its header may declare before
 * the image is decoded (a few kilobytes of PNG can declare gigabytes of pixels); the pixels the photos being read
 * may hold at once ({@link PixelBudget}; 0: what the heap holds) and how long a photo waits for them; and how long a
 * scan no document was registered from is kept ({@link UnusedScans}), and how many of them a traveller keeps at
 * most (the newest; {@link Scans#store}); how many photos a traveller may send in an hour, read or refused
 * ({@link Scans#countPhoto}).
 */
@ConfigurationProperties("preregistro.scans")
public record ScanProperties(@DefaultValue("2MB") DataSize maxSize, @DefaultValue("40000000") long maxPixels,
        @DefaultValue("0") long pixelsAtOnce, @DefaultValue("10s") Duration waitForPixels,
        @DefaultValue("24h") Duration unusedKeptFor, @DefaultValue("10") int unusedPerAccount,
        @DefaultValue("60") int photosPerHour) {

    /** The pixels the photos being read may hold at once, in a heap of at most {@code maxHeapBytes}. */
    long pixelsAtOnce(long maxHeapBytes) {
        return pixelsAtOnce > 0 ? pixelsAtOnce : PixelBudget.ofHeap(maxHeapBytes);
    }
}
