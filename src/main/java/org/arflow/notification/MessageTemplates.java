package org.arflow.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Message templates under {@code templates/} on the class path, one file per template and language
 * ({@code invoice-issued.de.txt}, or {@code .html} for letters rendered to PDF), with English as the
 * fallback. A file's first line is {@code Subject: ...}, then a blank line and the body. Placeholders are
 * written {@code {{name}}}; a placeholder without a value is an error, never an empty gap in a letter.
 */
@Component
public class MessageTemplates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-zA-Z][a-zA-Z0-9]*)}}");
    private static final String SUBJECT_PREFIX = "Subject:";

    private final Map<String, String> cache = new ConcurrentHashMap<>();

    /** A rendered message. */
    public record Rendered(String subject, String body) {
    }

    public Rendered render(String template, Locale locale, Map<String, String> values) {
        String source = load(template, locale);
        int endOfSubject = source.indexOf('\n');
        if (!source.startsWith(SUBJECT_PREFIX) || endOfSubject < 0) {
            throw new IllegalStateException("Template " + template + " must start with a 'Subject:' line");
        }
        String subject = fill(template, source.substring(SUBJECT_PREFIX.length(), endOfSubject).trim(), values);
        String body = fill(template, source.substring(endOfSubject + 1).strip(), values);
        return new Rendered(subject, body + "\n");
    }

    private String load(String template, Locale locale) {
        return cache.computeIfAbsent(template + "." + locale.getLanguage(), key -> read(template,
                locale.getLanguage()));
    }

    private static String read(String template, String language) {
        ClassPathResource resource = null;
        for (String candidate : new String[] {language + ".txt", language + ".html", "en.txt", "en.html"}) {
            resource = new ClassPathResource("templates/" + template + "." + candidate);
            if (resource.exists()) {
                break;
            }
        }
        String path = resource.getPath();
        if (!resource.exists()) {
            throw new IllegalStateException("No message template named " + template + " under templates/");
        }
        try (InputStream in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException unreadable) {
            throw new UncheckedIOException("Message template " + path + " cannot be read", unreadable);
        }
    }

    /**
     * Returns the locale to format a template's numbers and dates in: the customer's, when the template exists
     * in its language, or British English for the English fallback, so that one message never mixes two
     * languages.
     */
    public Locale formattingLocale(String template, Locale locale) {
        boolean translated = new ClassPathResource("templates/" + template + "." + locale.getLanguage() + ".txt")
                .exists() || new ClassPathResource("templates/" + template + "." + locale.getLanguage() + ".html")
                .exists();
        return translated ? locale : Locale.UK;
    }

    /**
     * Checks that the template exists in each language and uses no placeholder outside {@code allowed}, so
     * that a broken template stops the start-up rather than one letter at run time.
     */
    public void validate(String template, List<String> languages, Collection<String> allowed) {
        for (String language : languages) {
            boolean present = new ClassPathResource("templates/" + template + "." + language + ".txt").exists()
                    || new ClassPathResource("templates/" + template + "." + language + ".html").exists();
            if (!present) {
                throw new IllegalStateException("Template " + template + " has no " + language + " version under "
                        + "templates/; add " + template + "." + language + ".txt");
            }
            String source = read(template, language);
            if (!source.startsWith(SUBJECT_PREFIX)) {
                throw new IllegalStateException("Template " + template + " (" + language + ") must start with a "
                        + "'Subject:' line");
            }
            Matcher matcher = PLACEHOLDER.matcher(source);
            while (matcher.find()) {
                if (!allowed.contains(matcher.group(1))) {
                    throw new IllegalStateException("Template " + template + " (" + language + ") uses {{"
                            + matcher.group(1) + "}}, which is not one of " + allowed);
                }
            }
        }
    }

    private static String fill(String template, String text, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalStateException("Template " + template + " uses {{" + matcher.group(1)
                        + "}}, which has no value; known placeholders are " + values.keySet());
            }
            matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(filled);
        return filled.toString();
    }
}
