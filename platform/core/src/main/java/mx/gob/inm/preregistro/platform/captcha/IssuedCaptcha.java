package mx.gob.inm.preregistro.platform.captcha;

/** A captcha just issued: its id, the PNG to show, and the answer (sent only in test mode). */
public record IssuedCaptcha(String id, byte[] png, String answer) {
}
