package mx.gob.inm.preregistro.contracts;

/** Sex as printed in a passport's machine-readable zone: {@code M}, {@code F} or {@code X} (unspecified). */
public enum Sex {
    M,
    F,
    X
}
