package mx.gob.inm.preregistro.document.scan;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of an uploaded document image (R-DOC-3): its size in bytes, and the pixels its header may declare before
 * the image is decoded (a few kilobytes of PNG can declare gigabytes of pixels); and how long a scan no document
 * was registered from is kept ({@link UnusedScans}).
 */
@ConfigurationProperties("preregistro.scans")
public record ScanProperties(@DefaultValue("2MB") DataSize maxSize, @DefaultValue("40000000") long maxPixels,
        @DefaultValue("24h") Duration unusedKeptFor) {
}
