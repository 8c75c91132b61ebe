package org.arflow.dispute;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Disputes raised against invoices. */
@RestController
class DisputeController {

    private final DisputeService disputes;

    DisputeController(DisputeService disputes) {
        this.disputes = disputes;
    }

    @PostMapping("/api/invoices/{invoiceNumber}/disputes")
    ResponseEntity<Dispute> open(@PathVariable String invoiceNumber, @RequestBody DisputeRequest request,
            Principal user) {
        Dispute dispute = disputes.open(invoiceNumber, request, user.getName());
        return ResponseEntity.created(URI.create("/api/disputes/" + dispute.id())).body(dispute);
    }

    @GetMapping("/api/invoices/{invoiceNumber}/disputes")
    List<Dispute> forInvoice(@PathVariable String invoiceNumber) {
        return disputes.forInvoice(invoiceNumber);
    }

    @GetMapping("/api/disputes/{id}")
    Dispute get(@PathVariable long id) {
        return disputes.get(id);
    }
}
