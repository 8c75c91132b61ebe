package org.arflow.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Date;

/** Builds MIME messages whose Message-ID derives from the outbox key, so that a resend can be recognised. */
final class MimeMessages {

    private MimeMessages() {
    }

    static MimeMessage build(Session session, OutboxMessage message, String from) throws MessagingException {
        MimeMessage mime = new StableIdMimeMessage(session, messageId(message));
        mime.setFrom(new InternetAddress(from));
        mime.setRecipients(jakarta.mail.Message.RecipientType.TO, InternetAddress.parse(message.recipient()));
        mime.setSubject(message.subject(), StandardCharsets.UTF_8.name());
        mime.setText(message.body(), StandardCharsets.UTF_8.name());
        mime.setHeader("X-ARflow-Message-Key", message.messageKey());
        // The application's clock, not the mail library's, so a simulated date shows in the Date header too.
        mime.setSentDate(Date.from(message.createdAt().toInstant()));
        mime.saveChanges();
        return mime;
    }

    static String messageId(OutboxMessage message) {
        return "<" + message.messageKey().replaceAll("[^A-Za-z0-9._-]", ".") + "@arflow>";
    }

    /** Keeps the given Message-ID when the mail library would otherwise generate a new one on every save. */
    private static final class StableIdMimeMessage extends MimeMessage {

        private final String messageId;

        StableIdMimeMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
