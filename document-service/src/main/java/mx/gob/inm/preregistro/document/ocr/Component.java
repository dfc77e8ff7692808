package mx.gob.inm.preregistro.document.ocr;

import java.util.ArrayList;
import java.util.List;

/** A connected region of a binary image (8-connectivity) with its bounding box and its own pixel labels. */
final class Component {

    final int label;
    final int[] labels;
    final int imageWidth;
    int minX = Integer.MAX_VALUE;
    int minY = Integer.MAX_VALUE;
    int maxX = -1;
    int maxY = -1;
    int pixels;

    private Component(int label, int[] labels, int imageWidth) {
        this.label = label;
        this.labels = labels;
        this.imageWidth = imageWidth;
    }

    static List<Component> label(boolean[] mask, int w, int h) {
        int[] labels = new int[w * h];
        int[] stack = new int[w * h];
        List<Component> out = new ArrayList<>();
        int next = 1;
        for (int start = 0; start < mask.length; start++) {
            if (!mask[start] || labels[start] != 0) {
                continue;
            }
            Component c = new Component(next, labels, w);
            labels[start] = next;
            int top = 0;
            stack[top++] = start;
            while (top > 0) {
                int p = stack[--top];
                int x = p % w;
                int y = p / w;
                c.include(x, y);
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int xx = x + dx;
                        int yy = y + dy;
                        if (xx >= 0 && yy >= 0 && xx < w && yy < h) {
                            int q = yy * w + xx;
                            if (mask[q] && labels[q] == 0) {
                                labels[q] = next;
                                stack[top++] = q;
                            }
                        }
                    }
                }
            }
            out.add(c);
            next++;
        }
        return out;
    }

    private void include(int x, int y) {
        minX = Math.min(minX, x);
        minY = Math.min(minY, y);
        maxX = Math.max(maxX, x);
        maxY = Math.max(maxY, y);
        pixels++;
    }

    boolean contains(int x, int y) {
        return labels[y * imageWidth + x] == label;
    }

    int width() {
        return maxX - minX + 1;
    }

    int height() {
        return maxY - minY + 1;
    }

    double centreY() {
        return (minY + maxY) / 2.0;
    }
}
