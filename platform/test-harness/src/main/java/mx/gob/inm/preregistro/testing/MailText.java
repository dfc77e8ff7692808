package mx.gob.inm.preregistro.testing;

import java.io.IOException;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;

/** The decoded text of a received e-mail's parts, whatever their nesting and transfer encoding. */
public final class MailText {

    private MailText() {
    }

    /** The text/plain alternative, decoded; empty when there is none. */
    public static String plain(Part mail) {
        return find(mail, "text/plain");
    }

    /** The text/html alternative, decoded; empty when there is none. */
    public static String html(Part mail) {
        return find(mail, "text/html");
    }

    private static String find(Part part, String type) {
        try {
            if (part.isMimeType(type)) {
                return (String) part.getContent();
            }
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    String text = find(child, type);
                    if (!text.isEmpty()) {
                        return text;
                    }
                }
            }
            return "";
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Unreadable mail part", e);
        }
    }
}
