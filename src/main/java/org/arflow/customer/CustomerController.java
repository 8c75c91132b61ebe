package org.arflow.customer;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import org.arflow.error.RejectedException;
import org.arflow.idempotency.Retry;
import org.arflow.ledger.AccountBalance;
import org.arflow.ledger.Ledger;
import org.arflow.web.PageView;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/** Customers by their external id, with their balances. */
@RestController
@RequestMapping("/api/customers")
@Validated
class CustomerController {

    private final CustomerService customers;
    private final Ledger ledger;

    CustomerController(CustomerService customers, Ledger ledger) {
        this.customers = customers;
        this.ledger = ledger;
    }

    /** Registers a customer: 201 when created, 200 with the stored customer when the same body is sent again. */
    @PostMapping
    ResponseEntity<CustomerView> register(@RequestBody CustomerDetails details) {
        CustomerService.Registration registration = Retry.onceOnDuplicateKey(() -> customers.register(details));
        CustomerView view = view(registration.customer());
        if (!registration.created()) {
            return ResponseEntity.ok(view);
        }
        URI location = UriComponentsBuilder.fromPath("/api/customers/{externalId}").buildAndExpand(view.externalId())
                .encode().toUri();
        return ResponseEntity.created(location).body(view);
    }

    @GetMapping
    PageView<CustomerView> list(@RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        List<CustomerView> content = customers.page(page, size).stream().map(this::view).toList();
        return new PageView<>(content, page, size, customers.count());
    }

    @GetMapping("/{externalId}")
    CustomerView get(@PathVariable String externalId) {
        return customers.findByExternalId(externalId).map(this::view)
                .orElseThrow(() -> RejectedException.notFound("customer-not-found",
                        "No customer has the external id '" + externalId + "'"));
    }

    private CustomerView view(Customer customer) {
        List<AccountBalance> balances = ledger.customerBalances(customer.id());
        BigDecimal openBalance = balances.stream()
                .filter(balance -> balance.currency().equals(customer.currency().getCurrencyCode()))
                .map(AccountBalance::openBalance)
                .findFirst().orElse(BigDecimal.ZERO);
        return CustomerView.of(customer, openBalance, balances);
    }
}
