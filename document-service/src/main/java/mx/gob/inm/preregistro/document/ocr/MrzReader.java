package mx.gob.inm.preregistro.document.ocr;

import java.awt.image.BufferedImage;
import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

import mx.gob.inm.preregistro.document.mrz.MrzReading;

/**
 * The service's MRZ reading, measured (deploy/grafana/METRICS.md, {@code ocr.json}): the timer
 * {@code preregistro.ocr} (one read), the counter {@code preregistro.ocr.attempts} tagged {@code outcome} = {@code read}
 * (every field read), {@code unreadable} (a zone, but some fields left for the traveller to type) or {@code failed}
 * (no zone found, or the OCR broke down), and {@code preregistro.ocr.unreadable.fields} tagged {@code field}. Every
 * series exists at 0 from start-up, so a dashboard shows rates before the first scan.
 */
@Component
public class MrzReader {

    static final String TIMER = "preregistro.ocr";
    static final String ATTEMPTS = "preregistro.ocr.attempts";
    static final String UNREADABLE_FIELDS = "preregistro.ocr.unreadable.fields";

    private final MrzOcr ocr;
    private final MeterRegistry meters;
    private final Timer timer;

    public MrzReader(MrzOcr ocr, MeterRegistry meters) {
        this.ocr = ocr;
        this.meters = meters;
        this.timer = Timer.builder(TIMER).description("one MRZ read of a scanned image").register(meters);
        for (String outcome : new String[] {"read", "unreadable", "failed"}) {
            attempts(outcome);
        }
        for (String field : MrzReading.FIELD_NAMES) {
            unreadableField(field);
        }
    }

    /** The zone read from {@code image}, or empty when none was found; measured. */
    public Optional<MrzReading> read(BufferedImage image) {
        Timer.Sample sample = Timer.start(meters);
        String outcome = "failed";
        try {
            Optional<MrzReading> reading = ocr.read(image);
            reading.ifPresent(r -> r.unreadable().forEach(field -> unreadableField(field).increment()));
            outcome = reading.map(r -> r.unreadable().isEmpty() ? "read" : "unreadable").orElse("failed");
            return reading;
        } finally {
            sample.stop(timer);
            attempts(outcome).increment();
        }
    }

    private Counter attempts(String outcome) {
        return Counter.builder(ATTEMPTS).description("MRZ reads by outcome").tag("outcome", outcome)
                .register(meters);
    }

    private Counter unreadableField(String field) {
        return Counter.builder(UNREADABLE_FIELDS).description("MRZ fields left unreadable, by field")
                .tag("field", field).register(meters);
    }
}
