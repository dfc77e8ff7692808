package mx.gob.inm.preregistro.fmme.pdf;

import java.io.ByteArrayOutputStream;
import java.time.ZoneId;

import com.itextpdf.kernel.geom.PageSize;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfPage;
import com.itextpdf.kernel.pdf.canvas.PdfCanvas;
import com.itextpdf.layout.Document;
import com.itextpdf.layout.element.Paragraph;
import com.itextpdf.layout.element.Text;
import com.itextpdf.layout.properties.TextAlignment;

import mx.gob.inm.preregistro.contracts.preregistration.PreRegistrationApproved;

/**
 * The QR receipt (R-FMM-1, R-FMM-2): a phone-sized page (A6) with the QR of the signed seal, large enough to scan
 * from a phone screen, and the essentials an officer or the airline checks at the airport.
 */
final class QrReceiptPdf {

    private static final PageSize PAGE = PageSize.A6;
    private static final float MARGIN = 18;
    static final float QR_SIZE = 190;
    private static final float HEADER = 58;

    private QrReceiptPdf() {
    }

    static byte[] render(FormContent form, QrCode qr, ZoneId zone, String verificationUrl) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8 * 1024);
        PdfStyle style = PdfStyle.forDocument();
        PdfDocument pdf = PdfStyle.open(out, "Comprobante QR " + form.folio());
        try (Document document = new Document(pdf, PAGE)) {
            document.setMargins(MARGIN, MARGIN, MARGIN, MARGIN);
            document.setFont(style.regular).setFontSize(8).setTextAlignment(TextAlignment.CENTER);
            PreRegistrationApproved approval = form.approval();

            document.add(new Paragraph(FormText.INSTITUTE).setFont(style.bold).setFontSize(11)
                    .setFontColor(PdfStyle.GUINDA).setMargin(0));
            document.add(new Paragraph("Comprobante de pre-registro · FMME").setFontSize(8).setMargin(0)
                    .setFontColor(PdfStyle.GREY));
            document.add(new Paragraph(form.folio()).setFont(style.bold).setFontSize(12).setMarginTop(2)
                    .setMarginBottom(QR_SIZE + 6));

            document.add(new Paragraph(FormText.fullName(approval.traveller())).setFont(style.bold).setFontSize(10)
                    .setMargin(0));
            document.add(fact(style, "Pasaporte", approval.traveller().documentNumber() + " · Nacionalidad "
                    + FormText.orDash(approval.traveller().nationality())));
            document.add(fact(style, "Entrada", FormText.date(approval.trip().entryDate()) + " · Vuelo "
                    + FormText.orDash(approval.trip().flightNumber()) + " · "
                    + FormText.orDash(approval.trip().arrivalAirport())));
            document.add(fact(style, "Vigente hasta", FormText.dateIn(form.validUntil(), zone)));
            document.add(new Paragraph("Presente este código en el filtro de Control Migratorio. Verifique su "
                    + "autenticidad en " + verificationUrl).setFontSize(6.5f).setFontColor(PdfStyle.GREY)
                    .setMarginTop(4));

            PdfPage page = pdf.getFirstPage();
            float x = (PAGE.getWidth() - QR_SIZE) / 2;
            float y = PAGE.getHeight() - MARGIN - HEADER - QR_SIZE;
            qr.draw(new PdfCanvas(page), x, y, QR_SIZE);
        }
        return out.toByteArray();
    }

    private static Paragraph fact(PdfStyle style, String label, String value) {
        return new Paragraph().add(new Text(label + ": ").setFontColor(PdfStyle.GREY))
                .add(new Text(value).setFont(style.bold)).setMargin(0).setFontSize(8);
    }
}
