package mx.gob.inm.preregistro.fmme.pdf;

import org.springframework.stereotype.Component;

import mx.gob.inm.preregistro.fmme.FmmeProperties;

/**
 * Prints the two PDFs of a form: the FMME and the QR receipt (R-FMM-1), with the seal's QR encoded once for both.
 * Stateless and thread-safe.
 */
@Component
public class FormPrinter {

    private final FmmeProperties properties;

    public FormPrinter(FmmeProperties properties) {
        this.properties = properties;
    }

    public PrintedForm print(FormContent form) {
        QrCode qr = QrCode.of(form.seal(), FmmePdf.QR_SIZE, QrReceiptPdf.QR_SIZE);
        return new PrintedForm(
                FmmePdf.render(form, qr, properties.zone(), properties.verificationUrl()),
                QrReceiptPdf.render(form, qr, properties.zone(), properties.verificationUrl()));
    }

    /** The two files of one form. */
    public record PrintedForm(byte[] fmmePdf, byte[] qrReceiptPdf) {
    }
}
