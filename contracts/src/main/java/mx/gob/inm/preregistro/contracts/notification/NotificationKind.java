package mx.gob.inm.preregistro.contracts.notification;

/** The kinds of e-mail notification-service sends (R-NOT-1). */
public enum NotificationKind {
    /** "Activar cuenta" link, on registration or on request. */
    ACCOUNT_ACTIVATION,
    /** Someone tried to register again with this e-mail. */
    ACCOUNT_ALREADY_REGISTERED,
    /** Password recovery link. */
    PASSWORD_RESET,
    /** The password was changed. */
    PASSWORD_CHANGED,
    /** The account was closed. */
    ACCOUNT_CLOSED,
    /** The QR receipt of an FMME. */
    QR_RECEIPT,
    /** The FMME download link. */
    FMME_LINK
}
