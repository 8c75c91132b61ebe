package org.arflow.dunning;

/** The steps of the dunning ladder, each with the channel it uses. Levels are set by the policy rules. */
public enum DunningStep {
    REMINDER(Channel.EMAIL, "dunning-reminder"),
    SECOND_REMINDER(Channel.EMAIL, "dunning-second-reminder"),
    PHONE_CALL(Channel.PHONE, null),
    DEMAND_LETTER(Channel.LETTER, "dunning-demand-letter"),
    FINAL_NOTICE(Channel.EMAIL, "dunning-final-notice"),
    AGENCY_HANDOVER(Channel.AGENCY, null);

    /** How a step reaches the customer. */
    public enum Channel {
        EMAIL,
        PHONE,
        LETTER,
        SMS,
        AGENCY
    }

    private final Channel channel;
    private final String template;

    DunningStep(Channel channel, String template) {
        this.channel = channel;
        this.template = template;
    }

    public Channel channel() {
        return channel;
    }

    /** Returns the message template of the step, or {@code null} for steps that send no message. */
    String template() {
        return template;
    }
}
