package org.arflow.notification;

/**
 * Posts a letter from the outbox. The default writes the PDF to the print folder, for a print room or a
 * mailing service to pick up. A postal API would be another implementation of this interface.
 */
public interface LetterService {

    /** Posts the letter; throws when it could not be handed over, so the outbox retries it. */
    void post(OutboxMessage letter, byte[] pdf) throws Exception;
}
