package mx.gob.inm.preregistro.document.mrz;

/** The ICAO 9303 layouts read here: passports (TD3) and ID-1 cards such as Mexican residence cards (TD1). */
public enum MrzFormat {
    TD3(2, 44),
    TD1(3, 30);

    private final int lineCount;
    private final int lineLength;

    MrzFormat(int lineCount, int lineLength) {
        this.lineCount = lineCount;
        this.lineLength = lineLength;
    }

    public int lineCount() {
        return lineCount;
    }

    public int lineLength() {
        return lineLength;
    }
}
