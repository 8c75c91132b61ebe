package org.arflow.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The default SMS gateway: the outbox row is the record, and nothing leaves ARflow. */
class OutboxOnlySmsGateway implements SmsGateway {

    private static final Logger log = LoggerFactory.getLogger(OutboxOnlySmsGateway.class);

    @Override
    public void send(OutboxMessage message) {
        log.info("Text message recorded, no SMS gateway configured: messageKey={} recipient={}",
                message.messageKey(), message.recipient());
    }
}
