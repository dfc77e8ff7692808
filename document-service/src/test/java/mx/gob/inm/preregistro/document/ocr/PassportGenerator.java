package mx.gob.inm.preregistro.document.ocr;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import mx.gob.inm.preregistro.document.mrz.CheckDigit;

/**
 * Makes photographs of passports that do not exist, with the truth beside each ({@code NAME.json} in the
 * {@code ocr-eval} format): a TD3 data page (visual zone with photo box, labels and names; the MRZ in OCR-B) laid
 * on a desk and photographed at an angle (rotation, perspective), with blur, noise, uneven light, small sizes and
 * JPEG compression at quality 40..90. Deterministic for a given seed.
 */
public final class PassportGenerator {

    private static final String[] SURNAMES = {"GARCIA", "MARTINEZ", "RODRIGUEZ", "LOPEZ", "HERNANDEZ", "GONZALEZ",
        "PEREZ", "SANCHEZ", "RAMIREZ", "TORRES", "FLORES", "RIVERA", "GOMEZ", "DIAZ", "CRUZ", "MORALES", "REYES",
        "GUTIERREZ", "ORTIZ", "CASTILLO", "SMITH", "JOHNSON", "WILLIAMS", "BROWN", "MUELLER", "SCHMIDT", "ERIKSSON",
        "OCONNOR", "VAN DER BERG", "DE LA CRUZ", "KOWALSKI", "NOVAK", "QUINTERO", "ZAPATA", "VELEZ", "XU", "KIM"};
    private static final String[] GIVEN = {"ANNA", "MARIA", "JOSE", "JUAN", "LUIS", "CARLOS", "SOFIA", "VALENTINA",
        "CAMILA", "ANDRES", "FELIPE", "DIEGO", "ISABELLA", "MATEO", "SEBASTIAN", "LUCIA", "PETER", "JOHN", "EMMA",
        "OLIVER", "KLAUS", "ELKE", "CLAIRE", "LEO", "EKATERINA", "KAI", "ZOE", "BEATRIZ", "GUADALUPE", "XIMENA"};
    private static final String[] STATES = {"COL", "MEX", "USA", "CAN", "ESP", "PRT", "FRA", "GBR", "BRA", "ARG",
        "PER", "CHL", "ECU", "VEN", "UTO", "ITA", "NLD", "KOR", "CHN", "JPN"};
    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private final Font ocrB;
    private final Random random;

    public PassportGenerator(Path ocrBFont, long seed) throws IOException {
        try {
            this.ocrB = Font.createFont(Font.TRUETYPE_FONT, ocrBFont.toFile());
        } catch (FontFormatException e) {
            throw new IOException(e);
        }
        this.random = new Random(seed);
    }

    /** A passport's data and its zone. */
    public record Passport(Map<String, String> truth) {

        String line1() {
            return truth.get("line1");
        }

        String line2() {
            return truth.get("line2");
        }
    }

    /** Writes {@code count} photos and truth files into {@code dir}; returns their names. */
    public List<String> writeSet(Path dir, int count, boolean distorted) throws IOException {
        Files.createDirectories(dir);
        for (int i = 0; i < count; i++) {
            // a photo left by an earlier run under the other extension would be read against the new truth
            for (String extension : new String[] {".png", ".jpg", ".json"}) {
                Files.deleteIfExists(dir.resolve(String.format(Locale.ROOT, "passport-%03d", i) + extension));
            }
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Passport passport = passport();
            String name = String.format(Locale.ROOT, "passport-%03d", i);
            BufferedImage page = page(passport);
            BufferedImage photo = distorted ? photograph(page) : page;
            boolean jpeg = !distorted || random.nextInt(4) > 0;
            Path image = dir.resolve(name + (jpeg ? ".jpg" : ".png"));
            if (jpeg) {
                writeJpeg(photo, image, distorted ? 0.40f + random.nextFloat() * 0.5f : 0.9f);
            } else {
                ImageIO.write(photo, "png", image.toFile());
            }
            Files.writeString(dir.resolve(name + ".json"), json(passport.truth()), StandardCharsets.UTF_8);
            names.add(name);
        }
        return names;
    }

    public Passport passport() {
        String surname = pick(SURNAMES) + (random.nextInt(3) == 0 ? " " + pick(SURNAMES) : "");
        String given = pick(GIVEN) + (random.nextBoolean() ? " " + pick(GIVEN) : "");
        String state = pick(STATES);
        String nationality = random.nextInt(5) == 0 ? pick(STATES) : state;
        StringBuilder number = new StringBuilder();
        int numberLength = 7 + random.nextInt(3);
        for (int i = 0; i < numberLength; i++) {
            number.append(i < 2 && random.nextBoolean() ? ALNUM.charAt(random.nextInt(26)) : ALNUM.charAt(26 + random.nextInt(10)));
        }
        String birth = date(40 + random.nextInt(65));
        String expiry = date(random.nextInt(40));
        String sex = random.nextBoolean() ? "M" : "F";
        StringBuilder personal = new StringBuilder();
        if (random.nextInt(3) == 0) {
            int length = 6 + random.nextInt(8);
            for (int i = 0; i < length; i++) {
                personal.append(ALNUM.charAt(random.nextInt(ALNUM.length())));
            }
        }
        String names = (surname.replace(' ', '<') + "<<" + given.replace(' ', '<'));
        String line1 = pad("P<" + mrzCode(state) + names, 44);
        String doc = pad(number.toString(), 9);
        String pers = pad(personal.toString(), 14);
        String persCheck = personal.length() == 0 ? "<" : String.valueOf(CheckDigit.of(pers));
        String body = doc + CheckDigit.of(doc) + mrzCode(nationality) + birth + CheckDigit.of(birth) + sex + expiry
                + CheckDigit.of(expiry) + pers + persCheck;
        String composite = body.substring(0, 10) + body.substring(13, 20) + body.substring(21, 43);
        String line2 = body + CheckDigit.of(composite);
        Map<String, String> truth = new LinkedHashMap<>();
        truth.put("documentType", "P");
        truth.put("issuingState", state);
        truth.put("surname", surname);
        truth.put("givenNames", given);
        truth.put("documentNumber", number.toString());
        truth.put("nationality", nationality);
        truth.put("birthDate", birth);
        truth.put("sex", sex);
        truth.put("expiryDate", expiry);
        truth.put("personalNumber", personal.toString());
        truth.put("line1", line1);
        truth.put("line2", line2);
        return new Passport(truth);
    }

    private static String mrzCode(String state) {
        return state.equals("DEU") ? "D<<" : state;
    }

    private String date(int yearsAgoOrAhead) {
        int year = (30 + yearsAgoOrAhead * 7 + random.nextInt(7)) % 100;
        int month = 1 + random.nextInt(12);
        int day = 1 + random.nextInt(28);
        return String.format(Locale.ROOT, "%02d%02d%02d", year, month, day);
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String pad(String value, int length) {
        StringBuilder out = new StringBuilder(value);
        while (out.length() < length) {
            out.append('<');
        }
        return out.substring(0, length);
    }

    /** The data page, 125 x 88 mm at 10 px/mm, as printed. */
    public BufferedImage page(Passport passport) {
        int w = 1250;
        int h = 880;
        BufferedImage page = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = page.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        Color paper = new Color(225 + random.nextInt(25), 225 + random.nextInt(25), 215 + random.nextInt(30));
        g.setColor(paper);
        g.fillRect(0, 0, w, h);
        g.setColor(new Color(paper.getRed() - 25, paper.getGreen() - 15, paper.getBlue() - 5));
        g.setStroke(new BasicStroke(1.2f));
        for (int i = 0; i < 30; i++) {
            int y = 40 + i * 22;
            g.drawArc(-200 + random.nextInt(100), y - 300, w + 400, 600, 200, 140);
        }
        g.setColor(new Color(40, 40, 70));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 34));
        g.drawString("PASAPORTE / PASSPORT", 380, 70);
        g.setColor(new Color(150, 150, 160));
        g.fillRect(60, 120, 280, 360);
        g.setColor(new Color(100, 100, 115));
        g.fillOval(140, 170, 120, 150);
        g.fillRoundRect(100, 330, 200, 150, 60, 60);
        String[][] rows = {
            {"Tipo / Type", "P", "Pais emisor / Issuing state", passport.truth().get("issuingState")},
            {"Apellidos / Surname", passport.truth().get("surname"), null, null},
            {"Nombres / Given names", passport.truth().get("givenNames"), null, null},
            {"Nacionalidad / Nationality", passport.truth().get("nationality"), "No. de pasaporte / Passport No.",
                passport.truth().get("documentNumber")},
            {"Fecha de nacimiento / Date of birth", passport.truth().get("birthDate"), "Sexo / Sex",
                passport.truth().get("sex")},
            {"Fecha de caducidad / Date of expiry", passport.truth().get("expiryDate"), null, null},
        };
        int y = 140;
        for (String[] row : rows) {
            drawField(g, 380, y, row[0], row[1]);
            if (row[2] != null) {
                drawField(g, 830, y, row[2], row[3]);
            }
            y += 85;
        }
        g.setColor(new Color(20, 20, 20));
        FontMetricsFit fit = new FontMetricsFit(g, ocrB, 1160);
        g.setFont(fit.font);
        g.drawString(passport.line1(), 45, 760);
        g.drawString(passport.line2(), 45, 830);
        g.dispose();
        return page;
    }

    private static void drawField(Graphics2D g, int x, int y, String label, String value) {
        g.setColor(new Color(60, 60, 100));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 18));
        g.drawString(label, x, y);
        g.setColor(new Color(15, 15, 15));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 28));
        g.drawString(value, x, y + 34);
    }

    /** OCR-B at the size where 44 characters span the zone's width (10 characters per inch at 10 px/mm). */
    private static final class FontMetricsFit {
        final Font font;

        FontMetricsFit(Graphics2D g, Font base, int width) {
            Font sized = base.deriveFont(40f);
            double advance = g.getFontMetrics(sized).stringWidth("<".repeat(44));
            this.font = base.deriveFont((float) (40f * width / advance));
        }
    }

    /** The page on a desk, photographed: perspective, rotation, size, light, blur, noise. */
    public BufferedImage photograph(BufferedImage page) {
        int outW = 640 + random.nextInt(900);
        double aspect = 0.70 + random.nextDouble() * 0.15;
        int outH = (int) (outW * aspect);
        double fill = 0.78 + random.nextDouble() * 0.17;
        double pw = outW * fill;
        double ph = pw * page.getHeight() / page.getWidth();
        double cx = outW / 2.0 + (random.nextDouble() - 0.5) * (outW - pw) * 0.5;
        double cy = outH / 2.0 + (random.nextDouble() - 0.5) * Math.max(0, outH - ph) * 0.5;
        double[] src = {0, 0, page.getWidth(), 0, page.getWidth(), page.getHeight(), 0, page.getHeight()};
        double[] dst;
        do {
            double angle = Math.toRadians((random.nextDouble() - 0.5) * 24);
            double[][] corners = {{-pw / 2, -ph / 2}, {pw / 2, -ph / 2}, {pw / 2, ph / 2}, {-pw / 2, ph / 2}};
            double jitter = 0.07 * pw;
            dst = new double[8];
            for (int i = 0; i < 4; i++) {
                double x = corners[i][0] + (random.nextDouble() - 0.5) * jitter;
                double y = corners[i][1] + (random.nextDouble() - 0.5) * jitter;
                dst[2 * i] = cx + x * Math.cos(angle) - y * Math.sin(angle);
                dst[2 * i + 1] = cy + x * Math.sin(angle) + y * Math.cos(angle);
            }
        } while (!zoneInFrame(Homography.between(src, dst), outW, outH));
        double[] inverse = Homography.between(dst, src);
        BufferedImage photo = new BufferedImage(outW, outH, BufferedImage.TYPE_INT_RGB);
        int desk = 60 + random.nextInt(120);
        double lightAngle = random.nextDouble() * Math.PI * 2;
        double lightDepth = 0.25 + random.nextDouble() * 0.4;
        double noise = random.nextDouble() * 10;
        for (int y = 0; y < outH; y++) {
            for (int x = 0; x < outW; x++) {
                double w = inverse[6] * x + inverse[7] * y + 1;
                double u = (inverse[0] * x + inverse[1] * y + inverse[2]) / w;
                double v = (inverse[3] * x + inverse[4] * y + inverse[5]) / w;
                int rgb;
                if (u >= 0 && v >= 0 && u < page.getWidth() - 1 && v < page.getHeight() - 1) {
                    rgb = bilinear(page, u, v);
                } else {
                    rgb = (desk << 16) | ((desk * 9 / 10) << 8) | (desk * 7 / 10);
                }
                double along = ((x - outW / 2.0) * Math.cos(lightAngle) + (y - outH / 2.0) * Math.sin(lightAngle))
                        / Math.max(outW, outH);
                double light = 1 - lightDepth * (0.5 + along);
                int r = clamp(((rgb >> 16) & 0xff) * light + random.nextGaussian() * noise);
                int gr = clamp(((rgb >> 8) & 0xff) * light + random.nextGaussian() * noise);
                int b = clamp((rgb & 0xff) * light + random.nextGaussian() * noise);
                photo.setRGB(x, y, (r << 16) | (gr << 8) | b);
            }
        }
        double sigma = random.nextDouble() * 1.4;
        return sigma < 0.3 ? photo : blur(photo, sigma);
    }

    /**
     * Whether the whole zone (with a character's margin) lands inside the photo: the capture screen frames the zone,
     * and a photo that cuts it off has no right reading to score against.
     */
    private static boolean zoneInFrame(double[] forward, int outW, int outH) {
        double[][] zone = {{30, 715}, {1220, 715}, {1220, 850}, {30, 850}};
        for (double[] p : zone) {
            double w = forward[6] * p[0] + forward[7] * p[1] + 1;
            double x = (forward[0] * p[0] + forward[1] * p[1] + forward[2]) / w;
            double y = (forward[3] * p[0] + forward[4] * p[1] + forward[5]) / w;
            if (x < 2 || y < 2 || x > outW - 3 || y > outH - 3) {
                return false;
            }
        }
        return true;
    }

    private static int bilinear(BufferedImage image, double x, double y) {
        int x0 = (int) x;
        int y0 = (int) y;
        double fx = x - x0;
        double fy = y - y0;
        int a = image.getRGB(x0, y0);
        int b = image.getRGB(x0 + 1, y0);
        int c = image.getRGB(x0, y0 + 1);
        int d = image.getRGB(x0 + 1, y0 + 1);
        int out = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            double top = ((a >> shift) & 0xff) * (1 - fx) + ((b >> shift) & 0xff) * fx;
            double bottom = ((c >> shift) & 0xff) * (1 - fx) + ((d >> shift) & 0xff) * fx;
            out |= clamp(top * (1 - fy) + bottom * fy) << shift;
        }
        return out;
    }

    private static BufferedImage blur(BufferedImage image, double sigma) {
        int radius = (int) Math.ceil(sigma * 2.5);
        int size = 2 * radius + 1;
        float[] kernel = new float[size * size];
        float sum = 0;
        for (int y = -radius; y <= radius; y++) {
            for (int x = -radius; x <= radius; x++) {
                float v = (float) Math.exp(-(x * x + y * y) / (2 * sigma * sigma));
                kernel[(y + radius) * size + x + radius] = v;
                sum += v;
            }
        }
        for (int i = 0; i < kernel.length; i++) {
            kernel[i] /= sum;
        }
        return new ConvolveOp(new Kernel(size, size, kernel), ConvolveOp.EDGE_NO_OP, null).filter(image, null);
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }

    private static void writeJpeg(BufferedImage image, Path file, float quality) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        ImageWriter writer = writers.next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
        try (OutputStream out = Files.newOutputStream(file);
             ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }

    private static String json(Map<String, String> truth) {
        StringBuilder out = new StringBuilder("{\n");
        int i = 0;
        for (Map.Entry<String, String> entry : truth.entrySet()) {
            out.append("  \"").append(entry.getKey()).append("\": \"").append(entry.getValue()).append('"')
                    .append(++i < truth.size() ? ",\n" : "\n");
        }
        return out.append("}\n").toString();
    }

    /** Writes a set from the command line: {@code PassportGenerator DIR COUNT [SEED] [clean]}. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
        boolean distorted = args.length <= 3 || !args[3].equals("clean");
        new PassportGenerator(OcrSettings.detect("", "", 1).font(), seed).writeSet(dir, count, distorted);
    }
}
