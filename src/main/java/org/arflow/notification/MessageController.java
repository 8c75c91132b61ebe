package org.arflow.notification;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The outbox as the API lists it: what was or will be sent, to whom, and how it went. */
@RestController
@RequestMapping("/api/messages")
@Validated
class MessageController {

    private final Outbox outbox;

    MessageController(Outbox outbox) {
        this.outbox = outbox;
    }

    @GetMapping
    List<MessageView> list(@RequestParam(required = false) String invoice,
            @RequestParam(required = false) MessageStatus status,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size) {
        return outbox.find(invoice, status, page, size).stream().map(MessageView::of).toList();
    }

    record MessageView(long id, String messageKey, Channel channel, String recipient, String subject,
            String invoiceNumber, MessageStatus status, int attempts, String lastError, OffsetDateTime createdAt,
            OffsetDateTime sentAt) {

        static MessageView of(OutboxMessage message) {
            return new MessageView(message.id(), message.messageKey(), message.channel(), message.recipient(),
                    message.subject(), message.invoiceNumber(), message.status(), message.attempts(),
                    message.lastError(), message.createdAt(), message.sentAt());
        }
    }
}
