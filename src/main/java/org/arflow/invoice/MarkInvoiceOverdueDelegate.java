package org.arflow.invoice;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The {@code markInvoiceOverdue} step: sets the invoice OVERDUE and records {@link InvoiceOverdue}. */
@Component("markInvoiceOverdue")
class MarkInvoiceOverdueDelegate implements JavaDelegate {

    private final InvoiceService invoices;

    MarkInvoiceOverdueDelegate(InvoiceService invoices) {
        this.invoices = invoices;
    }

    @Override
    public void execute(DelegateExecution execution) {
        invoices.markOverdue(execution.getProcessBusinessKey());
    }
}
