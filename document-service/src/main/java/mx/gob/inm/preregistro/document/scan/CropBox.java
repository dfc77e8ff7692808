package mx.gob.inm.preregistro.document.scan;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import mx.gob.inm.preregistro.platform.problem.FieldViolation;
import mx.gob.inm.preregistro.platform.problem.ValidationFailedException;

/** The box the traveller drew over the photo (R-DOC-2), in pixels of the upright image; all four values or none. */
record CropBox(int x, int y, int width, int height) {

    static Optional<CropBox> of(Integer x, Integer y, Integer width, Integer height) {
        if (x == null && y == null && width == null && height == null) {
            return Optional.empty();
        }
        List<FieldViolation> violations = new ArrayList<>();
        require(violations, "cropX", x, 0);
        require(violations, "cropY", y, 0);
        require(violations, "cropWidth", width, 1);
        require(violations, "cropHeight", height, 1);
        if (!violations.isEmpty()) {
            throw new ValidationFailedException(violations);
        }
        return Optional.of(new CropBox(x, y, width, height));
    }

    private static void require(List<FieldViolation> violations, String field, Integer value, int min) {
        if (value == null) {
            violations.add(FieldViolation.of(field, "required"));
        } else if (value < min) {
            violations.add(FieldViolation.of(field, "invalid"));
        }
    }

    /** The part of {@code image} inside the box; a box reaching outside the image is refused. */
    BufferedImage apply(BufferedImage image) {
        List<FieldViolation> violations = new ArrayList<>();
        if (x >= image.getWidth()) {
            violations.add(FieldViolation.of("cropX", "invalid"));
        }
        if (y >= image.getHeight()) {
            violations.add(FieldViolation.of("cropY", "invalid"));
        }
        if ((long) x + width > image.getWidth()) {
            violations.add(FieldViolation.of("cropWidth", "invalid"));
        }
        if ((long) y + height > image.getHeight()) {
            violations.add(FieldViolation.of("cropHeight", "invalid"));
        }
        if (!violations.isEmpty()) {
            throw new ValidationFailedException(violations);
        }
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        out.createGraphics().drawImage(image.getSubimage(x, y, width, height), 0, 0, null);
        return out;
    }
}
