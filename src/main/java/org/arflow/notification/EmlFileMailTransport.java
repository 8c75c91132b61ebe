package org.arflow.notification;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each e-mail as an {@code .eml} file, for the embedded default where no SMTP server is configured.
 * Any mail client opens the files.
 */
class EmlFileMailTransport implements MailTransport {

    private static final Logger log = LoggerFactory.getLogger(EmlFileMailTransport.class);

    private final Path folder;
    private final String from;
    private final Session session = Session.getInstance(new Properties());

    EmlFileMailTransport(Path folder, String from) {
        this.folder = folder;
        this.from = from;
    }

    @Override
    public void send(OutboxMessage message) throws Exception {
        Files.createDirectories(folder);
        MimeMessage mime = MimeMessages.build(session, message, from);
        Path file = folder.resolve(message.id() + "-" + message.messageKey().replaceAll("[^A-Za-z0-9._-]", "_")
                + ".eml");
        try (OutputStream out = Files.newOutputStream(file)) {
            mime.writeTo(out);
        }
        log.info("E-mail written to file: messageKey={} recipient={} file={}", message.messageKey(),
                message.recipient(), file.toAbsolutePath());
    }
}
