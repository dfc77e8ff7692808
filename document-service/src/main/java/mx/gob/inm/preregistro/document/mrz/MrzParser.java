package mx.gob.inm.preregistro.document.mrz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses an ICAO 9303 machine-readable zone (TD3 passports, TD1 cards) into fields, verifying every check digit.
 * OCR confusions are undone by what each position may hold (digits, letters, either) and, where a check digit fails,
 * by trying the OCR's alternative readings and the usual confusion partners one character at a time: a correction is
 * kept only when exactly one candidate satisfies the check digit. A field that cannot be made to agree with its check
 * digit, or whose value is impossible, is reported unreadable instead of guessed. When the OCR weighs its readings
 * (see {@link MrzText}), a field is the cheapest valid combination only if no other valid one comes close, and a name
 * part is kept only if every character is clear: a wrong value that passes its check digit (U for 0, S for 8 weigh the
 * same) is worse than an unreadable one.
 */
public final class MrzParser {

    private static final List<String> UNCHECKED_FIELDS = List.of("documentType", "issuingState", "surname",
            "givenNames", "nationality", "sex");
    /** More disputed cells than this make a line's unchecked fields unreadable. */
    private static final int MAX_DISPUTED_CELLS = 12;

    private static final long MAX_COMBINATIONS = 4096;

    private final MrzText text;
    private final MrzFormat format;
    private final char[][] grid;
    private final Map<String, String> fields = new LinkedHashMap<>();
    private final Map<String, Boolean> checks = new LinkedHashMap<>();
    private final Set<String> unreadable = new LinkedHashSet<>();
    private final Set<String> corrected = new LinkedHashSet<>();
    private final boolean[] untrusted;

    private MrzParser(MrzText text, MrzFormat format) {
        this.text = text;
        this.format = format;
        this.grid = new char[format.lineCount()][];
        this.untrusted = new boolean[format.lineCount()];
        for (int i = 0; i < format.lineCount(); i++) {
            grid[i] = fit(text.lines().get(i), format.lineLength());
            untrusted[i] = disputedCells(i) > MAX_DISPUTED_CELLS;
        }
    }

    /** The cells of a line where the recognitions disagreed, or where no reading stands out. */
    private int disputedCells(int line) {
        if (!text.weighed(line)) {
            return 0;
        }
        int count = 0;
        for (int i = 0; i < format.lineLength(); i++) {
            Weighing.Options readings = options(line, i, CharClass.ALPHANUMERIC);
            if (readings.costs()[0] >= Weighing.DECISIVE || readings.doubtful()) {
                count++;
            }
        }
        return count;
    }

    /**
     * Marks the fields without a check digit on a line the recognitions disagree about in many places (cut wrong,
     * smudged): whatever they read there is not worth a traveller's trust.
     */
    private void distrustUnchecked() {
        for (String field : UNCHECKED_FIELDS) {
            int line = lineOf(field);
            if (untrusted[line] && fields.remove(field) != null) {
                unreadable.add(field);
            }
        }
    }

    private int lineOf(String field) {
        if (format == MrzFormat.TD3) {
            return field.equals("nationality") || field.equals("sex") ? 1 : 0;
        }
        switch (field) {
            case "nationality":
            case "sex":
                return 1;
            case "surname":
            case "givenNames":
                return 2;
            default:
                return 0;
        }
    }

    /** Parses the zone; its layout follows from the number of lines (2: TD3, 3: TD1). */
    public static MrzReading parse(MrzText text) {
        MrzFormat format = text.lines().size() == 3 ? MrzFormat.TD1 : MrzFormat.TD3;
        if (text.lines().size() != format.lineCount()) {
            throw new IllegalArgumentException("a TD3 zone has 2 lines and a TD1 zone 3, not " + text.lines().size());
        }
        MrzParser parser = new MrzParser(text, format);
        if (format == MrzFormat.TD3) {
            parser.parseTd3();
        } else {
            parser.parseTd1();
        }
        return parser.result();
    }

    public static MrzReading parse(String... lines) {
        return parse(MrzText.of(lines));
    }

    private void parseTd3() {
        documentType(0);
        country("issuingState", 0, 2);
        names(0, 5, 44);
        checked("documentNumber", 1, 0, 9, 9, CharClass.ALPHANUMERIC, false);
        country("nationality", 1, 10);
        date("birthDate", 1, 13);
        sex(1, 20);
        date("expiryDate", 1, 21);
        checked("personalNumber", 1, 28, 14, 42, CharClass.ALPHANUMERIC, true);
        composite(1, 43, new int[][] {{1, 0, 10}, {1, 13, 20}, {1, 21, 43}},
                List.of("documentNumber", "birthDate", "expiryDate", "personalNumber"));
    }

    private void parseTd1() {
        documentType(0);
        country("issuingState", 0, 2);
        checked("documentNumber", 0, 5, 9, 14, CharClass.ALPHANUMERIC, false);
        optionalData("personalNumber", 0, 15, 15);
        date("birthDate", 1, 0);
        sex(1, 7);
        date("expiryDate", 1, 8);
        country("nationality", 1, 15);
        composite(1, 29, new int[][] {{0, 5, 30}, {1, 0, 7}, {1, 8, 15}, {1, 18, 29}},
                List.of("documentNumber", "birthDate", "expiryDate"));
        names(2, 0, 30);
    }

    private void documentType(int line) {
        char kind = CharClass.LETTERS.normalise(grid[line][0]);
        char subtype = CharClass.LETTERS.normalise(grid[line][1]);
        if (text.weighed(line)) {
            Weighing.Options kinds = options(line, 0, CharClass.LETTERS);
            Weighing.Options subtypes = options(line, 1, CharClass.LETTERS);
            kind = kinds.doubtful() ? '?' : kinds.characters().charAt(0);
            if (subtypes.characters().isEmpty()) {
                unreadable.add("documentType");
                return;
            }
            subtype = subtypes.characters().charAt(0);
            boolean fillerEither = "KCEL<".indexOf(subtype) >= 0
                    && (subtypes.characters().length() < 2 || "KCEL<".indexOf(subtypes.characters().charAt(1)) >= 0);
            if (subtypes.doubtful() && !(format == MrzFormat.TD3 && fillerEither)) {
                subtype = '?';
            }
        }
        if (format == MrzFormat.TD3 && "KCEL".indexOf(subtype) >= 0) {
            // no passport type uses these as its second letter; they are the filler misread
            subtype = '<';
        }
        String allowed = format == MrzFormat.TD3 ? "P" : "ACI";
        if (allowed.indexOf(kind) < 0 || !CharClass.LETTERS.accepts(subtype)) {
            unreadable.add("documentType");
            return;
        }
        grid[line][0] = kind;
        grid[line][1] = subtype;
        fields.put("documentType", (String.valueOf(kind) + subtype).replace("<", ""));
    }

    private void country(String field, int line, int start) {
        char[] code = new char[3];
        for (int i = 0; i < 3; i++) {
            code[i] = CharClass.LETTERS.normalise(grid[line][start + i]);
        }
        String read = new String(code);
        String chosen;
        if (text.weighed(line)) {
            Weighing.Options[] positions = new Weighing.Options[3];
            for (int i = 0; i < 3; i++) {
                positions[i] = options(line, start + i, CharClass.LETTERS);
            }
            chosen = Weighing.decide(positions, c -> CountryCodes.isValid(new String(c)), untrusted[line]);
        } else {
            chosen = CountryCodes.isValid(read) ? read : uniqueCountryCandidate(read, line, start);
        }
        if (chosen == null) {
            unreadable.add(field);
            return;
        }
        chosen.getChars(0, 3, grid[line], start);
        fields.put(field, chosen.replace("<", ""));
    }

    private String uniqueCountryCandidate(String read, int line, int start) {
        Set<String> found = new LinkedHashSet<>();
        for (int i = 0; i < 3; i++) {
            for (char alternative : candidatesAt(line, start + i, read.charAt(i), CharClass.LETTERS).toCharArray()) {
                String candidate = read.substring(0, i) + alternative + read.substring(i + 1);
                if (CountryCodes.isValid(candidate)) {
                    found.add(candidate);
                }
            }
        }
        return found.size() == 1 ? found.iterator().next() : null;
    }

    private void sex(int line, int index) {
        char c = grid[line][index];
        if (text.weighed(line)) {
            String decided = Weighing.decide(new Weighing.Options[] {options(line, index, CharClass.LETTERS)},
                    v -> "MFX<".indexOf(v[0]) >= 0, untrusted[line]);
            c = decided == null ? '?' : decided.charAt(0);
        }
        if ("MFX<".indexOf(c) < 0) {
            unreadable.add("sex");
            return;
        }
        fields.put("sex", c == '<' ? "X" : String.valueOf(c));
    }

    private void date(String field, int line, int start) {
        if (checked(field, line, start, 6, start + 6, CharClass.DIGITS, false)) {
            String value = fields.get(field);
            if (!MrzDates.isValid(value)) {
                fields.remove(field);
                unreadable.add(field);
            }
        }
    }

    private void optionalData(String field, int line, int start, int length) {
        char[] value = new char[length];
        for (int i = 0; i < length; i++) {
            value[i] = grid[line][start + i];
            if (!CharClass.ALPHANUMERIC.accepts(value[i])) {
                unreadable.add(field);
                return;
            }
        }
        fields.put(field, stripFiller(new String(value)));
    }

    /**
     * Reads a field protected by a check digit. Returns whether it was read; on failure the field is unreadable and
     * its check is recorded as failed.
     */
    private boolean checked(String field, int line, int start, int length, int checkIndex, CharClass kind,
                            boolean fillerCheckAllowed) {
        char[] value = new char[length + 1];
        CharClass[] classes = new CharClass[length + 1];
        for (int i = 0; i < length; i++) {
            classes[i] = kind;
            value[i] = kind.normalise(grid[line][start + i]);
        }
        classes[length] = CharClass.DIGITS;
        char check = grid[line][checkIndex];
        value[length] = fillerCheckAllowed && check == '<' ? '<' : CharClass.DIGITS.normalise(check);
        int[] indexes = new int[length + 1];
        for (int i = 0; i < length; i++) {
            indexes[i] = start + i;
        }
        indexes[length] = checkIndex;

        boolean valid;
        if (text.weighed(line)) {
            // every combination of the weighed readings: the cheapest that satisfies the check, if clearly cheapest
            Weighing.Options[] positions = new Weighing.Options[length + 1];
            for (int i = 0; i <= length; i++) {
                positions[i] = indexes[i] == checkIndex && fillerCheckAllowed
                        ? options(line, checkIndex, CharClass.ALPHANUMERIC)
                        : options(line, indexes[i], classes[i]);
            }
            String decided = Weighing.decide(positions, candidate -> satisfies(candidate, fillerCheckAllowed),
                    untrusted[line]);
            valid = decided != null;
            if (valid && !decided.equals(new String(value))) {
                corrected.add(field);
            }
            value = valid ? decided.toCharArray() : value;
        } else {
            valid = satisfies(value, fillerCheckAllowed);
        }
        if (!valid && !text.weighed(line)) {
            // the OCR's own alternatives are evidence; the generic confusion partners are tried only without them
            String found = uniqueCorrection(line, indexes, value, classes, fillerCheckAllowed, true);
            if (found == null) {
                found = uniqueCorrection(line, indexes, value, classes, fillerCheckAllowed, false);
            }
            if (found != null) {
                value = found.toCharArray();
                valid = true;
                corrected.add(field);
            }
        }
        checks.put(field, valid);
        if (!valid) {
            unreadable.add(field);
            return false;
        }
        for (int i = 0; i <= length; i++) {
            grid[line][indexes[i]] = value[i];
        }
        fields.put(field, stripFiller(new String(value, 0, length)));
        return true;
    }

    private String uniqueCorrection(int line, int[] indexes, char[] value, CharClass[] classes,
                                    boolean fillerCheckAllowed, boolean ocrAlternatives) {
        Set<String> found = new LinkedHashSet<>();
        for (int i = 0; i < value.length; i++) {
            String candidates = ocrAlternatives ? ocrAlternativesAt(line, indexes[i], value[i], classes[i])
                    : classes[i].partners(value[i]);
            for (char alternative : candidates.toCharArray()) {
                char[] candidate = value.clone();
                candidate[i] = alternative;
                if (satisfies(candidate, fillerCheckAllowed)) {
                    found.add(new String(candidate));
                }
            }
        }
        return found.size() == 1 ? found.iterator().next() : null;
    }

    /** The weighed readings of a position as its class reads them. */
    private Weighing.Options options(int line, int index, CharClass kind) {
        return Weighing.Options.of(text.readingsAt(line, index), kind);
    }

    private static boolean satisfies(char[] valueAndCheck, boolean fillerCheckAllowed) {
        int length = valueAndCheck.length - 1;
        for (int i = 0; i < length; i++) {
            if (!CharClass.ALPHANUMERIC.accepts(valueAndCheck[i])) {
                return false;
            }
        }
        String value = new String(valueAndCheck, 0, length);
        if (!value.matches("[A-Z0-9]*<*")) {
            return false;
        }
        char check = valueAndCheck[length];
        if (check == '<') {
            return fillerCheckAllowed && value.chars().allMatch(c -> c == '<');
        }
        return CheckDigit.matches(value, check);
    }

    /** Readings worth trying at a position: the OCR's own alternatives, then the usual confusion partners. */
    private String candidatesAt(int line, int index, char current, CharClass kind) {
        StringBuilder out = new StringBuilder(ocrAlternativesAt(line, index, current, kind));
        for (char c : kind.partners(current).toCharArray()) {
            if (out.indexOf(String.valueOf(c)) < 0) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private String ocrAlternativesAt(int line, int index, char current, CharClass kind) {
        StringBuilder out = new StringBuilder();
        for (char c : text.alternativesAt(line, index).toCharArray()) {
            char normalised = kind.normalise(c);
            if (normalised != current && kind.accepts(normalised) && out.indexOf(String.valueOf(normalised)) < 0) {
                out.append(normalised);
            }
        }
        return out.toString();
    }

    private void composite(int checkLine, int checkIndex, int[][] ranges, List<String> covered) {
        StringBuilder data = new StringBuilder();
        for (int[] range : ranges) {
            data.append(grid[range[0]], range[1], range[2] - range[1]);
        }
        char check = CharClass.DIGITS.normalise(grid[checkLine][checkIndex]);
        boolean readable = data.chars().allMatch(c -> CharClass.ALPHANUMERIC.accepts((char) c));
        if (readable && text.weighed(checkLine)) {
            // the fields passed their own checks: the composite digit itself may be the misread one
            String decided = Weighing.decide(new Weighing.Options[] {options(checkLine, checkIndex, CharClass.DIGITS)},
                    digit -> CheckDigit.matches(data, digit[0]), untrusted[checkLine]);
            check = decided == null ? check : decided.charAt(0);
        }
        boolean valid = readable && CheckDigit.matches(data, check);
        checks.put("composite", valid);
        if (valid) {
            grid[checkLine][checkIndex] = check;
            return;
        }
        // a corrected field no longer has its check digit as an independent witness: drop it rather than risk it;
        // with no correction and no failed field to explain the failure, the composite itself may be misread, but
        // only if the OCR doubted it: otherwise some field passed its own check with a wrong value, and all go
        boolean blamed = covered.stream().anyMatch(corrected::contains);
        boolean explained = blamed || covered.stream().anyMatch(unreadable::contains);
        boolean compositeDoubted = text.weighed(checkLine)
                ? options(checkLine, checkIndex, CharClass.DIGITS).doubtful()
                : !text.alternativesAt(checkLine, checkIndex).isEmpty();
        for (String field : covered) {
            // on a line read badly all over, a field passing its own check may be luck: the composite decides
            boolean suspect = untrusted[checkLine] || (explained ? corrected.contains(field) : !compositeDoubted);
            if (suspect && fields.remove(field) != null) {
                unreadable.add(field);
            }
        }
    }

    private void names(int line, int start, int end) {
        boolean[] doubtful = new boolean[end - start];
        if (text.weighed(line)) {
            for (int i = start; i < end; i++) {
                Weighing.Options letters = options(line, i, CharClass.LETTERS);
                if (!letters.characters().isEmpty()) {
                    grid[line][i] = letters.characters().charAt(0);
                }
                doubtful[i - start] = letters.doubtful();
            }
        }
        String raw = new String(grid[line], start, end - start);
        NameField names = NameField.read(grid[line], start, end);
        int rawSeparator = raw.indexOf("<<");
        if ("".equals(names.givenNames()) && rawSeparator >= 0
                && !raw.substring(rawSeparator).chars().allMatch(c -> c == '<')) {
            // no given names is only believed of a field that really ends in fillers
            names = new NameField(names.surname(), null);
        }
        if (grid[line][end - 1] != '<') {
            // names that fill the field to its last cell may have been cut short (ICAO 9303 truncation)
            names = names.surname() != null && raw.contains("<<")
                    ? new NameField(names.surname(), null) : new NameField(null, null);
        }
        String cleaned = new String(grid[line], start, end - start);
        int separator = cleaned.indexOf("<<");
        int givenEnd = separator < 0 ? cleaned.length() : cleaned.indexOf("<<", separator + 2);
        givenEnd = givenEnd < 0 ? cleaned.length() : givenEnd;
        for (int i = 0; i < cleaned.length(); i++) {
            if (!doubtful[i] || i >= givenEnd) {
                continue;
            }
            // names have no check digit: a character the OCR cannot decide makes its part unreadable
            if (separator < 0 || i < separator + 2) {
                names = new NameField(null, names.givenNames());
            }
            if (separator < 0 || i >= separator) {
                names = new NameField(names.surname(), null);
            }
        }
        if (names.surname() == null) {
            unreadable.add("surname");
        } else {
            fields.put("surname", names.surname());
        }
        if (names.givenNames() == null) {
            unreadable.add("givenNames");
        } else {
            fields.put("givenNames", names.givenNames());
        }
    }

    private MrzReading result() {
        distrustUnchecked();
        List<String> lines = new ArrayList<>();
        for (char[] line : grid) {
            lines.add(new String(line));
        }
        Map<String, String> ordered = new LinkedHashMap<>();
        for (String name : MrzReading.FIELD_NAMES) {
            if (fields.containsKey(name)) {
                ordered.put(name, fields.get(name));
            }
        }
        List<String> missing = new ArrayList<>();
        for (String name : MrzReading.FIELD_NAMES) {
            if (unreadable.contains(name)) {
                missing.add(name);
            }
        }
        return new MrzReading(format, lines, ordered, checks, missing);
    }

    private static char[] fit(String line, int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = i < line.length() ? Character.toUpperCase(line.charAt(i)) : '<';
        }
        return out;
    }

    static String stripFiller(String value) {
        return value.replaceAll("<+", " ").trim();
    }
}
