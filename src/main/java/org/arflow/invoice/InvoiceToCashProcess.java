package org.arflow.invoice;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The invoice-to-cash process as the invoice feature drives it: one instance per invoice, business key =
 * invoice number. The process model lives in {@code processes/invoice-to-cash.bpmn}.
 */
@Component
class InvoiceToCashProcess {

    static final String PROCESS_KEY = "invoiceToCash";
    static final String BALANCE_CHANGED = "InvoiceBalanceChanged";

    static final String SEND_INVOICE = "sendInvoice";
    static final String ALREADY_OVERDUE = "alreadyOverdue";
    static final String OVERDUE_AT = "overdueAt";
    static final String SETTLEMENT = "settlement";

    private final RuntimeService runtimeService;

    InvoiceToCashProcess(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    /**
     * Starts the instance in the caller's transaction. The due-date timer fires at the start of the day after
     * the due date in the company's time zone, because an invoice is overdue from that day.
     */
    ProcessInstance start(Invoice invoice, boolean sendInvoice, LocalDate today, ZoneId companyZone) {
        Date overdueAt = overdueAt(invoice.dueDate(), companyZone);
        return runtimeService.createProcessInstanceByKey(PROCESS_KEY)
                .businessKey(invoice.invoiceNumber())
                .setVariables(Variables.createVariables()
                        .putValue(SEND_INVOICE, sendInvoice)
                        .putValue(ALREADY_OVERDUE, today.isAfter(invoice.dueDate()))
                        .putValue(OVERDUE_AT, overdueAt))
                .execute();
    }

    /** Returns the start of the day after the due date in the zone: the first moment the invoice is overdue. */
    static Date overdueAt(LocalDate dueDate, ZoneId zone) {
        return Date.from(dueDate.plusDays(1).atStartOfDay(zone).toInstant());
    }

    /** Tells the instance its balance changed; a non-null settlement lets it end at the matching end event. */
    void balanceChanged(String invoiceNumber, Settlement settlement) {
        runtimeService.createMessageCorrelation(BALANCE_CHANGED)
                .processInstanceBusinessKey(invoiceNumber)
                .setVariable(SETTLEMENT, settlement == null ? null : settlement.name())
                .correlateAllWithResult();
    }

    String processInstanceId(String invoiceNumber) {
        ProcessInstance instance = runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(invoiceNumber)
                .singleResult();
        return instance == null ? null : instance.getId();
    }
}
