package org.arflow.payment;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.arflow.error.RejectedException;
import org.arflow.idempotency.Retry;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Payments received from customers, by any method. */
@RestController
@RequestMapping("/api/payments")
@Validated
class PaymentController {

    private final PaymentService payments;

    PaymentController(PaymentService payments) {
        this.payments = payments;
    }

    /**
     * Records a payment: 201 when created; with an {@code Idempotency-Key} header, the same request again
     * returns 200 with the first payment.
     */
    @PostMapping
    ResponseEntity<PaymentView> record(@RequestBody PaymentRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
            throw RejectedException.badRequest("invalid-idempotency-key",
                    "The Idempotency-Key header must be 1 to 200 characters, such as a UUID");
        }
        PaymentService.Recording recording = Retry.onceOnDuplicateKey(() -> payments.record(request, idempotencyKey));
        PaymentView view = PaymentView.of(recording.payment());
        if (!recording.created()) {
            return ResponseEntity.ok(view);
        }
        return ResponseEntity.created(URI.create("/api/payments/" + view.id())).body(view);
    }

    /** The body of a later cash application: where the payment's unapplied amount goes. */
    record ApplicationRequest(List<PaymentRequest.Allocation> allocations) {
    }

    /** Applies a payment's unapplied amount to open invoices and returns the updated payment. */
    @PostMapping("/{id}/allocations")
    PaymentView applyUnapplied(@PathVariable long id, @RequestBody ApplicationRequest request) {
        return PaymentView.of(payments.applyUnapplied(id, request.allocations()));
    }

    /** The body of a reversal: why the payment came back. */
    record ReversalRequest(String reason) {
    }

    /** Reverses a payment that came back and reopens the invoices it paid. */
    @PostMapping("/{id}/reversal")
    PaymentView reverse(@PathVariable long id, @RequestBody ReversalRequest request) {
        return PaymentView.of(payments.reverse(id, request.reason()));
    }

    @GetMapping("/{id}")
    PaymentView get(@PathVariable long id) {
        return payments.find(id).map(PaymentView::of).orElseThrow(() ->
                RejectedException.notFound("payment-not-found", "No payment has the id " + id));
    }

    @GetMapping
    List<PaymentView> list(@RequestParam String customer,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return payments.findByCustomer(customer, page, size).stream().map(PaymentView::of).toList();
    }

    record PaymentView(long id, String customer, BigDecimal amount, String currency, PaymentMethod method,
            LocalDate receivedDate, String reference, List<AllocationView> allocations, BigDecimal unappliedAmount,
            LocalDate reversedOn, String reversalReason) {

        static PaymentView of(Payment payment) {
            List<AllocationView> allocations = payment.allocations().stream()
                    .map(allocation -> new AllocationView(allocation.invoiceNumber(), allocation.amount().amount(),
                            allocation.openBalanceAfter().amount()))
                    .toList();
            return new PaymentView(payment.id(), payment.customer(), payment.amount().amount(),
                    payment.amount().currency().getCurrencyCode(), payment.method(), payment.receivedDate(),
                    payment.reference(), allocations, payment.unapplied().amount(), payment.reversedOn(),
                    payment.reversalReason());
        }
    }

    /** @param openBalance the invoice's open balance now */
    record AllocationView(String invoiceNumber, BigDecimal amount, BigDecimal openBalance) {
    }
}
