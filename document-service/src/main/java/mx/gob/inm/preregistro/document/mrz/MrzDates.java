package mx.gob.inm.preregistro.document.mrz;

/** Plausibility of an MRZ date {@code YYMMDD}: a real calendar day (February 29 allowed, the century is unknown). */
final class MrzDates {

    private static final int[] DAYS = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    private MrzDates() {
    }

    static boolean isValid(String yymmdd) {
        if (yymmdd.length() != 6 || !yymmdd.chars().allMatch(Character::isDigit)) {
            return false;
        }
        int month = Integer.parseInt(yymmdd.substring(2, 4));
        int day = Integer.parseInt(yymmdd.substring(4, 6));
        return month >= 1 && month <= 12 && day >= 1 && day <= DAYS[month - 1];
    }
}
