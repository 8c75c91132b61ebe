package org.arflow.rules;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.arflow.customer.Customer;
import org.arflow.customer.CustomerService;
import org.arflow.error.RejectedException;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The decision trace: every rule decision about a customer or an invoice, newest first. */
@RestController
@RequestMapping("/api/decisions")
@Validated
class DecisionController {

    private final DecisionTrace trace;
    private final CustomerService customers;

    DecisionController(DecisionTrace trace, CustomerService customers) {
        this.trace = trace;
        this.customers = customers;
    }

    @GetMapping
    List<Decision> list(@RequestParam(required = false) String customer,
            @RequestParam(required = false) String invoice,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        if ((customer == null) == (invoice == null)) {
            throw RejectedException.badRequest("invalid-parameter", "Give exactly one of the query parameters "
                    + "customer (an external id) or invoice (an invoice number)");
        }
        if (invoice != null) {
            return trace.findByInvoice(invoice, page, size);
        }
        Customer found = customers.findByExternalId(customer).orElseThrow(() -> RejectedException.notFound(
                "customer-not-found", "No customer has the external id '" + customer + "'"));
        return trace.findByCustomer(found.id(), page, size);
    }

    @GetMapping("/{id}")
    Decision get(@PathVariable long id) {
        return trace.find(id).orElseThrow(() -> RejectedException.notFound("decision-not-found",
                "No rule decision has the id " + id));
    }
}
