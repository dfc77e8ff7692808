package mx.gob.inm.preregistro.fmme.pdf;

import java.io.ByteArrayOutputStream;
import java.time.ZoneId;
import java.util.List;

import com.itextpdf.kernel.colors.ColorConstants;
import com.itextpdf.kernel.geom.PageSize;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.canvas.PdfCanvas;

import mx.gob.inm.preregistro.contracts.preregistration.PreRegistrationApproved;
import mx.gob.inm.preregistro.fmme.pdf.PageWriter.Run;

/**
 * The QR receipt (R-FMM-1, R-FMM-2): a phone-sized page (A6) with the QR of the signed seal, large enough to scan
 * from a phone screen, and the essentials an officer or the airline checks at the airport.
 */
final class QrReceiptPdf {

    private static final PageSize PAGE = PageSize.A6;
    private static final float MARGIN = 18;
    private static final float WIDTH = PAGE.getWidth() - 2 * MARGIN;
    private static final float CENTRE = PAGE.getWidth() / 2;
    static final float QR_SIZE = 190;
    private static final float HEADER = 58;

    private QrReceiptPdf() {
    }

    static byte[] render(FormContent form, QrCode qr, ZoneId zone, String verificationUrl) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4 * 1024);
        PdfStyle style = PdfStyle.forDocument();
        PdfDocument pdf = PdfStyle.open(out, "Comprobante QR " + form.folio());
        PageWriter page = new PageWriter(new PdfCanvas(pdf.addNewPage(PAGE)));
        PreRegistrationApproved approval = form.approval();

        float top = PAGE.getHeight() - MARGIN;
        page.centred(CENTRE, top - 10, WIDTH, new Run(style.bold, 11, PdfStyle.GUINDA, FormText.INSTITUTE));
        page.centred(CENTRE, top - 22, WIDTH, new Run(style.regular, 8, PdfStyle.GREY,
                "Comprobante de pre-registro · FMME"));
        page.centred(CENTRE, top - 40, WIDTH, new Run(style.bold, 12, ColorConstants.BLACK, form.folio()));
        float qrBottom = top - HEADER - QR_SIZE;
        qr.draw(page.canvas(), (PAGE.getWidth() - QR_SIZE) / 2, qrBottom, QR_SIZE);

        float y = qrBottom - 18;
        for (String line : PageWriter.wrap(FormText.fullName(approval.traveller()), style.bold, 10, WIDTH, 2)) {
            page.centred(CENTRE, y, WIDTH, new Run(style.bold, 10, ColorConstants.BLACK, line));
            y -= 12.5f;
        }
        y -= 1;
        fact(page, style, y, "Pasaporte", approval.traveller().documentNumber() + " · Nacionalidad "
                + FormText.orDash(approval.traveller().nationality()));
        fact(page, style, y - 12, "Entrada", FormText.date(approval.trip().entryDate()) + " · Vuelo "
                + FormText.orDash(approval.trip().flightNumber()) + " · "
                + FormText.orDash(approval.trip().arrivalAirport()));
        fact(page, style, y - 24, "Vigente hasta", FormText.dateIn(form.validUntil(), zone));
        y -= 40;
        List<String> notice = PageWriter.wrap("Presente este código en el filtro de Control Migratorio. Verifique "
                + "su autenticidad en " + verificationUrl, style.regular, 6.5f, WIDTH, 3);
        for (String line : notice) {
            page.centred(CENTRE, y, WIDTH, new Run(style.regular, 6.5f, PdfStyle.GREY, line));
            y -= 8.5f;
        }
        pdf.close();
        return out.toByteArray();
    }

    private static void fact(PageWriter page, PdfStyle style, float y, String label, String value) {
        page.centred(CENTRE, y, WIDTH, new Run(style.regular, 8, PdfStyle.GREY, label + ": "),
                new Run(style.bold, 8, ColorConstants.BLACK, value));
    }
}
