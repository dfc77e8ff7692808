package mx.gob.inm.preregistro.document.ocr;

/**
 * One line of the zone as found in the photo: its centre line from the first to the last character and the height
 * of its characters, in pixels of the original image (so the line can be resampled at full resolution).
 */
record TextLine(double x0, double y0, double x1, double y1, double height) {

    double length() {
        return Math.hypot(x1 - x0, y1 - y0);
    }
}
