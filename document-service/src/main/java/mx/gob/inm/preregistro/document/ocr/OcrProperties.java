package mx.gob.inm.preregistro.document.ocr;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The OCR's resources: Tesseract's {@code tessdata} folder and the OCR-B font (blank: found among the usual places
 * of the Debian packages tesseract-ocr-eng and fonts-ocr-b), and the number of Tesseract handles (requests read at
 * once).
 */
@ConfigurationProperties("preregistro.ocr")
public record OcrProperties(@DefaultValue("") String tessdata, @DefaultValue("") String font,
                            @DefaultValue("2") int poolSize) {
}
