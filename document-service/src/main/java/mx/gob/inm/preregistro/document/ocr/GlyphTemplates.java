package mx.gob.inm.preregistro.document.ocr;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The 37 MRZ characters drawn in OCR-B, the font ICAO 9303 prescribes, cut into cells by the same code that cuts the
 * photographed lines: a cell is then recognised by comparing its shape with each of them. This is what tells the
 * filler {@code <} from K, C, E or L, which Tesseract's general English model often cannot.
 */
final class GlyphTemplates {

    static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<";
    private static final int GRID_W = 12;
    private static final int GRID_H = 16;
    /** Blur (Gaussian sigma, pixels of a line strip) at which the glyphs are drawn: photos are seldom sharp. */
    static final double[] BLURS = {0, 1.2, 2.4, 3.6};

    private final float[][][] templates = new float[BLURS.length][ALPHABET.length()][];
    /** Each glyph's ink height at each blur level, measured as on a photographed line ({@link LineImage#inkHeight}). */
    private final double[][] heights = new double[BLURS.length][ALPHABET.length()];

    GlyphTemplates(Path fontFile) throws IOException {
        Font font;
        try {
            font = Font.createFont(Font.TRUETYPE_FONT, fontFile.toFile());
        } catch (FontFormatException e) {
            throw new IOException("not a usable OCR-B font: " + fontFile, e);
        }
        FontRenderContext context = new FontRenderContext(null, true, true);
        float capHeight = (float) font.deriveFont(100f).createGlyphVector(context, "H").getVisualBounds().getHeight();
        Font sized = font.deriveFont(100f * LineImage.CAP_HEIGHT / capHeight);
        // drawn between fillers, as in a zone: each glyph, the filler too, is cut with neighbours on both sides
        String strip = "<" + ALPHABET + "<<";
        int width = (int) (sized.getStringBounds(strip, context).getWidth()) + 4 * LineImage.CAP_HEIGHT;
        int height = LineImage.CAP_HEIGHT * 2;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(sized);
        g.drawString(strip, 2 * LineImage.CAP_HEIGHT, height / 2f + LineImage.CAP_HEIGHT / 2f);
        g.dispose();
        GrayImage sharp = GrayImage.of(image);
        for (int level = 0; level < BLURS.length; level++) {
            LineImage line = LineImage.of(sharp.blurred(BLURS[level]));
            double[] edges = line.cells(strip.length());
            for (int i = 0; i < ALPHABET.length(); i++) {
                templates[level][i] = features(line, edges[i + 1], edges[i + 2]);
                heights[level][i] = line.inkHeight(edges[i + 1], edges[i + 2]);
            }
        }
    }

    /** The ink height of {@code c} drawn in OCR-B at blur {@code level}; NaN outside the alphabet. */
    double height(char c, int level) {
        int index = ALPHABET.indexOf(c);
        return index < 0 ? Double.NaN : heights[level][index];
    }

    /**
     * The blur level whose glyphs fit the line's cells best overall: a blurred 0 looks like a sharp O, so each line
     * is compared with glyphs as blurred as itself.
     */
    int blurLevel(LineImage line, double[] edges) {
        int best = 0;
        double bestTotal = -Double.MAX_VALUE;
        for (int level = 0; level < BLURS.length; level++) {
            double total = 0;
            for (int i = 0; i + 1 < edges.length; i++) {
                total += classify(line, edges[i], edges[i + 1], level).score();
            }
            if (total > bestTotal) {
                bestTotal = total;
                best = level;
            }
        }
        return best;
    }

    /**
     * The characters ranked by likeness to the cell {@code [left, right)} of {@code line}, against the glyphs drawn
     * at blur {@code level}, with their scores.
     */
    Ranking classify(LineImage line, double left, double right, int level) {
        double pitch = right - left;
        float[] scores = new float[ALPHABET.length()];
        Arrays.fill(scores, -1);
        float[][] glyphs = templates[level];
        for (double shift : new double[] {-0.2, -0.1, 0, 0.1, 0.2}) {
            float[] cell = features(line, left + shift * pitch, right + shift * pitch);
            for (int t = 0; t < glyphs.length; t++) {
                float dot = 0;
                for (int k = 0; k < cell.length; k++) {
                    dot += cell[k] * glyphs[t][k];
                }
                scores[t] = Math.max(scores[t], dot);
            }
        }
        return Ranking.of(ALPHABET, scores);
    }

    static float[] features(LineImage line, double left, double right) {
        return features(line, left, right, 0, GRID_W, GRID_H, 3);
    }

    /** Mean darkness on a small grid over the cell and the text band, centred and scaled to unit length. */
    static float[] features(LineImage line, double left, double right, double dy, int gridW, int gridH, int sub) {
        GrayImage image = line.normalised;
        double margin = 0.12 * line.textHeight();
        double top = line.textTop - margin + dy;
        double bottom = line.textBottom + 1 + margin + dy;
        float[] out = new float[gridW * gridH];
        double cw = (right - left) / gridW;
        double ch = (bottom - top) / gridH;
        for (int gy = 0; gy < gridH; gy++) {
            for (int gx = 0; gx < gridW; gx++) {
                float sum = 0;
                for (int sy = 0; sy < sub; sy++) {
                    for (int sx = 0; sx < sub; sx++) {
                        sum += 255 - image.sample(left + (gx + (sx + 0.5) / sub) * cw,
                                top + (gy + (sy + 0.5) / sub) * ch);
                    }
                }
                out[gy * gridW + gx] = sum / (sub * sub);
            }
        }
        float mean = 0;
        for (float v : out) {
            mean += v;
        }
        mean /= out.length;
        float norm = 0;
        for (int i = 0; i < out.length; i++) {
            out[i] -= mean;
            norm += out[i] * out[i];
        }
        norm = (float) Math.sqrt(norm);
        if (norm > 0) {
            for (int i = 0; i < out.length; i++) {
                out[i] /= norm;
            }
        }
        return out;
    }
}
