package mx.gob.inm.preregistro.fmme.pdf;

import java.io.ByteArrayOutputStream;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import com.itextpdf.kernel.colors.ColorConstants;
import com.itextpdf.kernel.geom.PageSize;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.canvas.PdfCanvas;

import mx.gob.inm.preregistro.contracts.preregistration.Lodging;
import mx.gob.inm.preregistro.contracts.preregistration.PreRegistrationApproved;
import mx.gob.inm.preregistro.contracts.preregistration.Traveller;
import mx.gob.inm.preregistro.contracts.preregistration.Trip;
import mx.gob.inm.preregistro.fmme.pdf.PageWriter.Run;

/**
 * The FMME (Forma Migratoria Múltiple Electrónica, R-FMM-1) as a one-page Letter PDF: the INM heading, the folio,
 * the traveller and their document, the trip, the lodging, the validity, the QR with the signed seal (R-FMM-5) and
 * the legal text.
 */
final class FmmePdf {

    private static final float MARGIN = 36;
    private static final float WIDTH = 612 - 2 * MARGIN;
    static final float QR_SIZE = 168;
    /** Where the frame around the QR ends, from the bottom of the page. */
    private static final float QR_FRAME_BOTTOM = 792 - MARGIN - QR_SIZE - 8 - 14;
    /** Label, value, label, value: 18 %, 32 %, 18 %, 32 % of the width. */
    private static final float[] COLUMNS = {WIDTH * 0.18f, WIDTH * 0.32f, WIDTH * 0.18f, WIDTH * 0.32f};
    private static final float TITLE_BAR = 16;
    private static final float CELL_FONT = 8.5f;
    private static final float CELL_LEADING = 10.5f;
    private static final float PADDING = 4;
    /** Values longer than this many lines end in an ellipsis, so that every form fits on its page. */
    private static final int VALUE_LINES = 3;
    private static final String LEGAL = "La presente Forma Migratoria Múltiple Electrónica (FMME) se expide sin costo "
            + "con fundamento en los artículos 37 y 42 de la Ley de Migración y en su Reglamento, con los datos que "
            + "la persona extranjera declaró bajo protesta de decir verdad en el pre-registro electrónico. La FMME "
            + "no garantiza la internación al territorio nacional: la autoridad migratoria resuelve la admisión en "
            + "el filtro de Control Migratorio y puede requerir documentos adicionales. Conserve este documento "
            + "durante su estancia en México y preséntelo a su salida. Proporcionar información falsa es "
            + "sancionado en los términos de la Ley de Migración. Sus datos personales se tratan conforme al aviso "
            + "de privacidad del Instituto Nacional de Migración. Cualquier alteración invalida este documento: "
            + "el sello digital del código QR permite verificar su autenticidad y vigencia.";

    private FmmePdf() {
    }

    static byte[] render(FormContent form, QrCode qr, ZoneId zone, String verificationUrl) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8 * 1024);
        PdfStyle style = PdfStyle.forDocument();
        PdfDocument pdf = PdfStyle.open(out, "FMME " + form.folio());
        PageWriter page = new PageWriter(new PdfCanvas(pdf.addNewPage(PageSize.LETTER)));
        PreRegistrationApproved approval = form.approval();

        heading(page, style, form, zone);
        drawQr(page, style, qr);
        // the sections start below the QR's frame: drawn over its quiet zone, a scanner would not find the code
        float y = QR_FRAME_BOTTOM - 12;
        Traveller traveller = approval.traveller();
        y = section(page, style, y, "DATOS DE LA PERSONA EXTRANJERA",
                "Apellidos", traveller.surname(), "Nombre(s)", traveller.givenNames(),
                "Sexo", FormText.sex(traveller.sex()), "Fecha de nacimiento", FormText.date(traveller.birthDate()),
                "Nacionalidad", traveller.nationality(), "Ocupación", traveller.occupation());
        y = section(page, style, y, "DOCUMENTO DE VIAJE",
                "Tipo", FormText.documentType(traveller.documentType()), "Número", traveller.documentNumber(),
                "País emisor", traveller.issuingState(), "NUE / Folio SRE", nueOrSre(approval));
        Trip trip = approval.trip();
        y = section(page, style, y, "INFORMACIÓN DEL VIAJE",
                "Fecha de entrada", FormText.date(trip.entryDate()), "Fecha de salida", FormText.date(trip.exitDate()),
                "Aeropuerto de llegada", trip.arrivalAirport(), "Aerolínea y vuelo",
                FormText.orDash(trip.airline()) + " " + FormText.orDash(trip.flightNumber()),
                "Procedencia", FormText.origin(trip), "Motivo del viaje", FormText.purpose(trip.purpose()));
        Lodging lodging = approval.lodging();
        if (lodging != null) {
            y = section(page, style, y, "INFORMACIÓN ADICIONAL (HOSPEDAJE)",
                    "Tipo", FormText.lodging(lodging.type()), "Nombre", lodging.name(),
                    "Domicilio", FormText.orDash(lodging.street()) + ", " + FormText.orDash(lodging.postalCode()),
                    "Ciudad y estado", FormText.orDash(lodging.city()) + ", " + FormText.orDash(lodging.state()),
                    "Teléfono", lodging.phone());
        }
        y = legal(page, style, y - 10, verificationUrl);
        if (y < MARGIN) {
            throw new IllegalStateException("the FMME does not fit on one page");
        }
        pdf.close();
        return out.toByteArray();
    }

    /** INM heading, title, folio and dates on the left of the QR. */
    private static void heading(PageWriter page, PdfStyle style, FormContent form, ZoneId zone) {
        float top = PageSize.LETTER.getHeight() - MARGIN;
        page.text(MARGIN, top - 8, new Run(style.bold, 8, PdfStyle.GOLD, FormText.GOVERNMENT));
        page.text(MARGIN, top - 28, new Run(style.bold, 16, PdfStyle.GUINDA, FormText.INSTITUTE));
        page.text(MARGIN, top - 50, new Run(style.bold, 12, ColorConstants.BLACK,
                "FORMA MIGRATORIA MÚLTIPLE ELECTRÓNICA (FMME)"));
        page.line(MARGIN, top - 80, new Run(style.regular, 14, ColorConstants.BLACK, "Folio: "),
                new Run(style.bold, 14, ColorConstants.BLACK, form.folio()));
        float y = top - 102;
        for (String[] fact : new String[][] {
                {"Emitida", FormText.dateTime(form.issuedAt(), zone)},
                {"Vigente hasta", FormText.dateTime(form.validUntil(), zone)},
                {"Pre-registro", form.approval().preregistrationId().toString()}}) {
            page.line(MARGIN, y, new Run(style.regular, 9, PdfStyle.GREY, fact[0] + ": "),
                    new Run(style.bold, 9, ColorConstants.BLACK, fact[1]));
            y -= 13;
        }
        page.text(MARGIN, y - 4, new Run(style.regular, 8, PdfStyle.GREY, "Documento gratuito"));
    }

    private static void drawQr(PageWriter page, PdfStyle style, QrCode qr) {
        float x = PageSize.LETTER.getWidth() - MARGIN - QR_SIZE;
        float y = QR_FRAME_BOTTOM + 14;
        page.frame(PdfStyle.GOLD, 0.75f, x - 2, QR_FRAME_BOTTOM, QR_SIZE + 4, QR_SIZE + 16);
        qr.draw(page.canvas(), x, y, QR_SIZE);
        String caption = "Sello digital del INM (ECDSA P-256)";
        page.text(x + (QR_SIZE - style.regular.getWidth(caption, 6.5f)) / 2, y - 9,
                new Run(style.regular, 6.5f, ColorConstants.BLACK, caption));
    }

    /**
     * A titled block of label/value pairs, two pairs a row, whose top is at {@code top}; returns where the next
     * block starts. Values wrap inside their cell, up to {@link #VALUE_LINES} lines.
     */
    private static float section(PageWriter page, PdfStyle style, float top, String title,
            String... labelsAndValues) {
        page.fill(PdfStyle.GUINDA, MARGIN, top - TITLE_BAR, WIDTH, TITLE_BAR);
        page.text(MARGIN + PADDING, top - TITLE_BAR + 5, new Run(style.bold, CELL_FONT, ColorConstants.WHITE, title));
        float rowTop = top - TITLE_BAR;
        for (int pair = 0; pair < labelsAndValues.length; pair += 4) {
            List<List<String>> cells = new ArrayList<>();
            int lines = 1;
            for (int i = pair; i < Math.min(pair + 4, labelsAndValues.length); i++) {
                boolean value = (i - pair) % 2 == 1;
                String text = value ? FormText.orDash(labelsAndValues[i]) : labelsAndValues[i];
                List<String> wrapped = PageWriter.wrap(text, value ? style.bold : style.regular, CELL_FONT,
                        COLUMNS[i - pair] - 2 * PADDING, value ? VALUE_LINES : 2);
                cells.add(wrapped);
                lines = Math.max(lines, wrapped.size());
            }
            float height = lines * CELL_LEADING + 7;
            float x = MARGIN;
            for (int column = 0; column < cells.size(); column++) {
                boolean value = column % 2 == 1;
                if (!value) {
                    page.fill(PdfStyle.LIGHT, x, rowTop - height, COLUMNS[column], height);
                }
                page.frame(PdfStyle.LIGHT, 0.5f, x, rowTop - height, COLUMNS[column], height);
                page.lines(x + PADDING, rowTop - 11, CELL_LEADING, value ? style.bold : style.regular, CELL_FONT,
                        ColorConstants.BLACK, cells.get(column));
                x += COLUMNS[column];
            }
            rowTop -= height;
        }
        return rowTop - 8;
    }

    /** The legal notice and where to verify the form; returns the baseline below the last line. */
    private static float legal(PageWriter page, PdfStyle style, float top, String verificationUrl) {
        page.text(MARGIN, top - 8, new Run(style.bold, 8, PdfStyle.GUINDA, "AVISO LEGAL"));
        float y = page.lines(MARGIN, top - 20, 8.4f, style.regular, 7, PdfStyle.GREY,
                PageWriter.wrap(LEGAL, style.regular, 7, WIDTH, Integer.MAX_VALUE));
        page.text(MARGIN, y - 6, new Run(style.regular, 7, PdfStyle.GREY,
                "Verifique la autenticidad y vigencia en " + verificationUrl));
        return y - 6;
    }

    private static String nueOrSre(PreRegistrationApproved approval) {
        if (approval.nue() != null && !approval.nue().isBlank()) {
            return "NUE " + approval.nue();
        }
        if (approval.sreFolio() != null && !approval.sreFolio().isBlank()) {
            return "Folio SRE " + approval.sreFolio();
        }
        return FormText.NOT_APPLICABLE;
    }
}
