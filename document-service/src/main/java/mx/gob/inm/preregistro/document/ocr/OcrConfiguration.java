package mx.gob.inm.preregistro.document.ocr;

import java.io.IOException;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One {@link MrzOcr} for the service, with its Tesseract handles released at shutdown. */
@Configuration(proxyBeanMethods = false)
class OcrConfiguration {

    @Bean(destroyMethod = "close")
    MrzOcr mrzOcr(OcrProperties properties) throws IOException {
        return new MrzOcr(OcrSettings.detect(properties.tessdata(), properties.font(), properties.poolSize()));
    }
}
