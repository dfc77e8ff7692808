package mx.gob.inm.preregistro.notification.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import mx.gob.inm.preregistro.contracts.Language;

/**
 * E-mail texts from {@code templates/mail/<name>_<lang>.txt} and {@code .html}, with {@code {{placeholders}}}
 * filled in (HTML-escaped in the HTML part, which goes inside the shared {@code layout_<lang>.html}); subjects
 * from {@code messages_<lang>.properties}. No external images.
 */
@Component
public class MailTemplates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");

    private final MessageSource messages;

    public MailTemplates(MessageSource messages) {
        this.messages = messages;
    }

    public RenderedMail render(String name, Language language, Map<String, String> values) {
        String lang = language == null ? "es" : language.name().toLowerCase(Locale.ROOT);
        String subject = messages.getMessage("mail." + name + ".subject", null, Locale.forLanguageTag(lang));
        String text = fill(read(name, lang, "txt"), values, false);
        String content = fill(read(name, lang, "html"), values, true);
        String html = read("layout", lang, "html").replace("{{content}}", content);
        return new RenderedMail(subject, text, html);
    }

    private static String fill(String template, Map<String, String> values, boolean html) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalArgumentException("No value for {{" + matcher.group(1) + "}}");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(html ? HtmlUtils.htmlEscape(value) : value));
        }
        return matcher.appendTail(out).toString();
    }

    private static String read(String name, String lang, String extension) {
        try {
            return new ClassPathResource("templates/mail/" + name + "_" + lang + "." + extension)
                    .getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Missing mail template " + name + "_" + lang + "." + extension, e);
        }
    }

    /** A mail ready to send: subject, plain text and HTML alternatives. */
    public record RenderedMail(String subject, String text, String html) {
    }
}
