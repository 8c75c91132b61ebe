package org.arflow.dispute;

/**
 * The output of the dispute-routing rules: the owning group and the SLA in business days. The first route
 * proposed is kept; a shorter SLA may be set afterwards, so the order of rules does not matter.
 */
public final class DisputeRouting {

    private String ownerGroup;
    private int slaBusinessDays;
    private String reasonCode;
    private Integer shortenedSla;

    public void route(String group, int businessDays, String reason) {
        if (ownerGroup == null) {
            ownerGroup = group;
            slaBusinessDays = businessDays;
            reasonCode = reason;
        }
    }

    public void shortenSla(int businessDays, String reason) {
        shortenedSla = businessDays;
        reasonCode = reasonCode == null ? reason : reasonCode + "," + reason;
    }

    public String getOwnerGroup() {
        return ownerGroup;
    }

    /** Returns the SLA in business days, the shortened one when a rule shortened it. */
    public int getSlaBusinessDays() {
        return shortenedSla != null && shortenedSla < slaBusinessDays ? shortenedSla : slaBusinessDays;
    }

    public String getReasonCode() {
        return reasonCode;
    }
}
