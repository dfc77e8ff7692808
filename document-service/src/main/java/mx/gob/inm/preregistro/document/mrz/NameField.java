package mx.gob.inm.preregistro.document.mrz;

/**
 * The name field: surname, {@code <<}, given names separated by {@code <}, then fillers. Digits there are letters
 * misread (0 is O). Once three fillers in a row have been seen the names are over, so K, C, E, L or X further on are
 * fillers misread; any other letter there means the field was not read as it is, and the given names are unreadable.
 * A {@code null} part is unreadable.
 */
record NameField(String surname, String givenNames) {

    private static final String FILLER_LOOKALIKES = "KCELX<";

    static NameField read(char[] line, int start, int end) {
        char[] names = new char[end - start];
        for (int i = 0; i < names.length; i++) {
            names[i] = CharClass.LETTERS.normalise(line[start + i]);
        }
        String raw = new String(names);
        int namesEnd = raw.indexOf("<<<");
        boolean tailClean = true;
        if (namesEnd >= 0) {
            for (int i = namesEnd; i < names.length; i++) {
                if (FILLER_LOOKALIKES.indexOf(names[i]) < 0) {
                    tailClean = false;
                }
                names[i] = '<';
            }
        }
        for (int i = 0; i < names.length; i++) {
            line[start + i] = names[i];
        }
        String cleaned = new String(names);
        int separator = cleaned.indexOf("<<");
        String surnamePart = separator < 0 ? cleaned : cleaned.substring(0, separator);
        String givenPart = separator < 0 ? "" : cleaned.substring(separator + 2);
        String surname = valid(surnamePart) && !surnamePart.isEmpty() ? MrzParser.stripFiller(surnamePart) : null;
        String given = valid(givenPart) && tailClean ? MrzParser.stripFiller(givenPart) : null;
        return new NameField(surname, given);
    }

    private static boolean valid(String part) {
        return part.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || c == '<');
    }
}
