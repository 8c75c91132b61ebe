package org.arflow.notification;

import org.arflow.clock.CompanyProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.scheduling.annotation.Scheduled;

/** Chooses the mail transport: SMTP when {@code spring.mail.host} is set, {@code .eml} files otherwise. */
@Configuration
class NotificationConfiguration {

    @Bean
    MailTransport mailTransport(ObjectProvider<JavaMailSenderImpl> smtp, CompanyProperties company,
            OutboxProperties outbox) {
        JavaMailSenderImpl sender = smtp.getIfAvailable();
        if (sender != null) {
            return new SmtpMailTransport(sender, company.senderEmail());
        }
        return new EmlFileMailTransport(outbox.emlFolder(), company.senderEmail());
    }

    @Bean
    @ConditionalOnMissingBean(LetterService.class)
    LetterService letterService(OutboxProperties outbox) {
        return new PrintFolderLetterService(outbox.printFolder());
    }

    @Bean
    @ConditionalOnMissingBean(SmsGateway.class)
    SmsGateway smsGateway() {
        return new OutboxOnlySmsGateway();
    }

    /** Polls the outbox; tests turn it off and dispatch explicitly. */
    @Bean
    @ConditionalOnProperty(name = "arflow.outbox.scheduler-enabled", havingValue = "true", matchIfMissing = true)
    OutboxScheduler outboxScheduler(OutboxDispatcher dispatcher) {
        return new OutboxScheduler(dispatcher);
    }

    static class OutboxScheduler {

        private final OutboxDispatcher dispatcher;

        OutboxScheduler(OutboxDispatcher dispatcher) {
            this.dispatcher = dispatcher;
        }

        @Scheduled(fixedDelayString = "${arflow.outbox.poll-interval:PT5S}")
        void dispatch() {
            dispatcher.dispatchDue();
        }
    }
}
