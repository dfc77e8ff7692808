package mx.gob.inm.preregistro.fmme.pdf;

import java.io.ByteArrayOutputStream;
import java.time.ZoneId;

import com.itextpdf.kernel.colors.ColorConstants;
import com.itextpdf.kernel.geom.PageSize;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.canvas.PdfCanvas;
import com.itextpdf.layout.Document;
import com.itextpdf.layout.borders.Border;
import com.itextpdf.layout.borders.SolidBorder;
import com.itextpdf.layout.element.Cell;
import com.itextpdf.layout.element.Div;
import com.itextpdf.layout.element.Paragraph;
import com.itextpdf.layout.element.Table;
import com.itextpdf.layout.element.Text;
import com.itextpdf.layout.properties.UnitValue;

import mx.gob.inm.preregistro.contracts.preregistration.Lodging;
import mx.gob.inm.preregistro.contracts.preregistration.PreRegistrationApproved;
import mx.gob.inm.preregistro.contracts.preregistration.Traveller;
import mx.gob.inm.preregistro.contracts.preregistration.Trip;

/**
 * The FMME (Forma Migratoria Múltiple Electrónica, R-FMM-1) as a one-page Letter PDF: the INM heading, the folio,
 * the traveller and their document, the trip, the lodging, the validity, the QR with the signed seal (R-FMM-5) and
 * the legal text.
 */
final class FmmePdf {

    private static final float MARGIN = 36;
    static final float QR_SIZE = 168;
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

    /** Where the frame around the QR ends, from the bottom of the page ({@link #drawQr}). */
    private static float qrFrameBottom() {
        return PageSize.LETTER.getHeight() - MARGIN - QR_SIZE - 8 - 14;
    }

    static byte[] render(FormContent form, QrCode qr, ZoneId zone, String verificationUrl) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(24 * 1024);
        PdfStyle style = PdfStyle.forDocument();
        PdfDocument pdf = PdfStyle.open(out, "FMME " + form.folio());
        try (Document document = new Document(pdf, PageSize.LETTER)) {
            document.setMargins(MARGIN, MARGIN, MARGIN, MARGIN);
            document.setFont(style.regular).setFontSize(9);
            PreRegistrationApproved approval = form.approval();

            document.add(new Paragraph(FormText.GOVERNMENT).setFont(style.bold).setFontSize(8)
                    .setFontColor(PdfStyle.GOLD).setMarginBottom(0));
            document.add(new Paragraph(FormText.INSTITUTE).setFont(style.bold).setFontSize(16)
                    .setFontColor(PdfStyle.GUINDA).setMargin(0));
            document.add(new Paragraph("FORMA MIGRATORIA MÚLTIPLE ELECTRÓNICA (FMME)").setFont(style.bold)
                    .setFontSize(12).setMarginTop(4).setWidth(UnitValue.createPointValue(380)));
            document.add(new Paragraph().add(new Text("Folio: ").setFont(style.regular))
                    .add(new Text(form.folio()).setFont(style.bold)).setFontSize(14).setMarginTop(8));
            document.add(line(style, "Emitida", FormText.dateTime(form.issuedAt(), zone)));
            document.add(line(style, "Vigente hasta", FormText.dateTime(form.validUntil(), zone)));
            document.add(line(style, "Pre-registro", approval.preregistrationId().toString()));
            document.add(new Paragraph("Documento gratuito").setFontColor(PdfStyle.GREY).setFontSize(8)
                    .setMarginBottom(0));
            // the sections start below the QR's frame: drawn over its quiet zone, a scanner would not find the code
            float below = qrFrameBottom() - 12;
            float top = document.getRenderer().getCurrentArea().getBBox().getTop();
            if (top > below) {
                document.add(new Div().setHeight(top - below).setMargin(0));
            }

            Traveller traveller = approval.traveller();
            document.add(section(style, "DATOS DE LA PERSONA EXTRANJERA",
                    "Apellidos", traveller.surname(), "Nombre(s)", traveller.givenNames(),
                    "Sexo", FormText.sex(traveller.sex()), "Fecha de nacimiento", FormText.date(traveller.birthDate()),
                    "Nacionalidad", traveller.nationality(), "Ocupación", traveller.occupation()));
            document.add(section(style, "DOCUMENTO DE VIAJE",
                    "Tipo", FormText.documentType(traveller.documentType()), "Número", traveller.documentNumber(),
                    "País emisor", traveller.issuingState(), "NUE / Folio SRE", nueOrSre(approval)));
            Trip trip = approval.trip();
            document.add(section(style, "INFORMACIÓN DEL VIAJE",
                    "Fecha de entrada", FormText.date(trip.entryDate()), "Fecha de salida",
                    FormText.date(trip.exitDate()),
                    "Aeropuerto de llegada", trip.arrivalAirport(), "Aerolínea y vuelo",
                    FormText.orDash(trip.airline()) + " " + FormText.orDash(trip.flightNumber()),
                    "Procedencia", FormText.origin(trip), "Motivo del viaje", FormText.purpose(trip.purpose())));
            Lodging lodging = approval.lodging();
            if (lodging != null) {
                document.add(section(style, "INFORMACIÓN ADICIONAL (HOSPEDAJE)",
                        "Tipo", FormText.lodging(lodging.type()), "Nombre", lodging.name(),
                        "Domicilio", FormText.orDash(lodging.street()) + ", " + FormText.orDash(lodging.postalCode()),
                        "Ciudad y estado", FormText.orDash(lodging.city()) + ", " + FormText.orDash(lodging.state()),
                        "Teléfono", lodging.phone(), "", ""));
            }
            document.add(new Paragraph("AVISO LEGAL").setFont(style.bold).setFontSize(8).setMarginTop(10)
                    .setMarginBottom(2).setFontColor(PdfStyle.GUINDA));
            document.add(new Paragraph(LEGAL).setFontSize(7).setFontColor(PdfStyle.GREY).setMultipliedLeading(1.2f));
            document.add(new Paragraph("Verifique la autenticidad y vigencia en " + verificationUrl)
                    .setFontSize(7).setFontColor(PdfStyle.GREY));

            drawQr(pdf, style, qr);
        }
        return out.toByteArray();
    }

    private static void drawQr(PdfDocument pdf, PdfStyle style, QrCode qr) {
        PageSize page = PageSize.LETTER;
        float x = page.getWidth() - MARGIN - QR_SIZE;
        float y = page.getHeight() - MARGIN - QR_SIZE - 8;
        PdfCanvas canvas = new PdfCanvas(pdf.getFirstPage());
        canvas.saveState().setStrokeColor(PdfStyle.GOLD).setLineWidth(0.75f)
                .rectangle(x - 2, y - 14, QR_SIZE + 4, QR_SIZE + 16).stroke().restoreState();
        qr.draw(canvas, x, y, QR_SIZE);
        canvas.beginText().setFontAndSize(style.regular, 6.5f).setColor(ColorConstants.BLACK, true)
                .moveText(x + 30, y - 9).showText("Sello digital del INM (ECDSA P-256)").endText();
    }

    private static Paragraph line(PdfStyle style, String label, String value) {
        return new Paragraph().add(new Text(label + ": ").setFont(style.regular).setFontColor(PdfStyle.GREY))
                .add(new Text(FormText.orDash(value)).setFont(style.bold)).setMargin(0).setFontSize(9);
    }

    /** A titled block of label/value pairs, two pairs a row. */
    private static Table section(PdfStyle style, String title, String... labelsAndValues) {
        Table table = new Table(UnitValue.createPercentArray(new float[] {18, 32, 18, 32}))
                .useAllAvailableWidth().setMarginBottom(8);
        table.addHeaderCell(new Cell(1, 4).add(new Paragraph(title).setFont(style.bold).setFontSize(8.5f)
                        .setFontColor(ColorConstants.WHITE)).setBackgroundColor(PdfStyle.GUINDA)
                .setBorder(Border.NO_BORDER).setPaddingLeft(4));
        for (int i = 0; i < labelsAndValues.length; i += 2) {
            boolean empty = labelsAndValues[i].isEmpty();
            table.addCell(cell(labelsAndValues[i], style, false).setBackgroundColor(PdfStyle.LIGHT));
            table.addCell(cell(empty ? "" : FormText.orDash(labelsAndValues[i + 1]), style, true));
        }
        return table;
    }

    private static Cell cell(String text, PdfStyle style, boolean value) {
        return new Cell().add(new Paragraph(text).setFont(value ? style.bold : style.regular).setFontSize(8.5f))
                .setBorder(new SolidBorder(PdfStyle.LIGHT, 0.5f)).setPadding(3);
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
