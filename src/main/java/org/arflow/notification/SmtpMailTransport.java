package org.arflow.notification;

import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** Sends e-mail over SMTP through the server Spring Boot configures from {@code spring.mail.*}. */
class SmtpMailTransport implements MailTransport {

    private final JavaMailSenderImpl sender;
    private final String from;

    SmtpMailTransport(JavaMailSenderImpl sender, String from) {
        this.sender = sender;
        this.from = from;
    }

    @Override
    public void send(OutboxMessage message) throws Exception {
        MimeMessage mime = MimeMessages.build(sender.getSession(), message, from);
        sender.send(mime);
    }
}
