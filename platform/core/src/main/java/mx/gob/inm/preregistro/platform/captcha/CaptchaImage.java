package mx.gob.inm.preregistro.platform.captcha;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.random.RandomGenerator;

import javax.imageio.ImageIO;

/** Draws the captcha text as a PNG: each character rotated and shifted, with noise lines and dots (headless AWT). */
final class CaptchaImage {

    private static final int WIDTH = 200;
    private static final int HEIGHT = 70;

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private CaptchaImage() {
    }

    static byte[] png(String text, RandomGenerator random) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(new Color(245, 245, 240));
            g.fillRect(0, 0, WIDTH, HEIGHT);
            noise(g, random);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 34));
            int step = (WIDTH - 20) / text.length();
            for (int i = 0; i < text.length(); i++) {
                AffineTransform before = g.getTransform();
                int x = 12 + i * step + random.nextInt(6);
                int y = 45 + random.nextInt(12) - 6;
                g.rotate(Math.toRadians(random.nextInt(50) - 25), x, y);
                g.setColor(new Color(random.nextInt(90), random.nextInt(90), 60 + random.nextInt(100)));
                g.drawString(String.valueOf(text.charAt(i)), x, y);
                g.setTransform(before);
            }
            g.setStroke(new BasicStroke(2f));
            g.setColor(new Color(70, 70, 110));
            g.drawLine(0, 20 + random.nextInt(30), WIDTH, 20 + random.nextInt(30));
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void noise(Graphics2D g, RandomGenerator random) {
        for (int i = 0; i < 8; i++) {
            g.setColor(new Color(150 + random.nextInt(80), 150 + random.nextInt(80), 150 + random.nextInt(80)));
            g.drawLine(random.nextInt(WIDTH), random.nextInt(HEIGHT), random.nextInt(WIDTH), random.nextInt(HEIGHT));
        }
        for (int i = 0; i < 250; i++) {
            g.setColor(new Color(random.nextInt(200), random.nextInt(200), random.nextInt(200)));
            g.fillRect(random.nextInt(WIDTH), random.nextInt(HEIGHT), 1, 1);
        }
    }
}
