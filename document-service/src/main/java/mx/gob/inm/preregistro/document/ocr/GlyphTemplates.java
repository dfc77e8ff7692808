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

/**
 * The 37 MRZ characters drawn in OCR-B, the font ICAO 9303 prescribes, cut into cells by the same code that cuts the
 * photographed lines: a cell is then recognised by comparing its shape with each of them. This is what tells the
 * filler {@code <} from K, C, E or L, which Tesseract's general English model often cannot.
 */
final class GlyphTemplates {

    static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<";
    private static final int GRID_W = 12;
    private static final int GRID_H = 16;

    private final float[][] templates = new float[ALPHABET.length()][];

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
        int width = (int) (sized.getStringBounds(ALPHABET, context).getWidth()) + 4 * LineImage.CAP_HEIGHT;
        int height = LineImage.CAP_HEIGHT * 2;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(sized);
        g.drawString(ALPHABET, 2 * LineImage.CAP_HEIGHT, height / 2f + LineImage.CAP_HEIGHT / 2f);
        g.dispose();
        LineImage line = LineImage.of(GrayImage.of(image));
        double[] edges = line.cells(ALPHABET.length());
        for (int i = 0; i < ALPHABET.length(); i++) {
            templates[i] = features(line, edges[i], edges[i + 1]);
        }
    }

    /** The characters ranked by likeness to the cell {@code [left, right)} of {@code line}, with their scores. */
    Ranking classify(LineImage line, double left, double right) {
        double pitch = right - left;
        float[] scores = new float[ALPHABET.length()];
        java.util.Arrays.fill(scores, -1);
        for (double shift : new double[] {-0.2, -0.1, 0, 0.1, 0.2}) {
            float[] cell = features(line, left + shift * pitch, right + shift * pitch);
            for (int t = 0; t < templates.length; t++) {
                float dot = 0;
                for (int k = 0; k < cell.length; k++) {
                    dot += cell[k] * templates[t][k];
                }
                scores[t] = Math.max(scores[t], dot);
            }
        }
        return Ranking.of(ALPHABET, scores);
    }

    /** Mean darkness on a small grid over the cell and the text band, centred and scaled to unit length. */
    static float[] features(LineImage line, double left, double right) {
        GrayImage image = line.normalised;
        double margin = 0.12 * line.textHeight();
        double top = line.textTop - margin;
        double bottom = line.textBottom + 1 + margin;
        float[] out = new float[GRID_W * GRID_H];
        double cw = (right - left) / GRID_W;
        double ch = (bottom - top) / GRID_H;
        for (int gy = 0; gy < GRID_H; gy++) {
            for (int gx = 0; gx < GRID_W; gx++) {
                float sum = 0;
                for (int sy = 0; sy < 3; sy++) {
                    for (int sx = 0; sx < 3; sx++) {
                        sum += 255 - image.sample(left + (gx + (sx + 0.5) / 3) * cw, top + (gy + (sy + 0.5) / 3) * ch);
                    }
                }
                out[gy * GRID_W + gx] = sum / 9;
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
