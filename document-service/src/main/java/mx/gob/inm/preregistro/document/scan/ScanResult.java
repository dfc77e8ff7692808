package mx.gob.inm.preregistro.document.scan;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A stored scan: whose it is, the image kept in GridFS, and what the OCR read from it (the zone's lines, the fields
 * read reliably, the outcome of each check digit, the fields left for the traveller). {@code lines} is empty when
 * no machine-readable zone was found on the image.
 */
public record ScanResult(String id, String accountId, Instant createdAt, String imageId, String contentType,
                         String format, List<String> lines, Map<String, String> fields, Map<String, Boolean> checks,
                         List<String> unreadable) {

    public ScanResult {
        lines = List.copyOf(lines);
        fields = Map.copyOf(fields);
        checks = Map.copyOf(checks);
        unreadable = List.copyOf(unreadable);
    }
}
