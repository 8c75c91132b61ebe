package org.arflow.ledger.writeoff;

import java.math.BigDecimal;
import java.net.URI;
import java.security.Principal;
import org.arflow.error.RejectedException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Write-off requests, decided by a credit manager in Tasklist. */
@RestController
class WriteOffController {

    private final WriteOffs writeOffs;

    WriteOffController(WriteOffs writeOffs) {
        this.writeOffs = writeOffs;
    }

    /** @param amount the amount to write off; when left out, the whole open balance */
    record WriteOffRequest(BigDecimal amount, String reason) {
    }

    @PostMapping("/api/invoices/{invoiceNumber}/write-offs")
    ResponseEntity<WriteOffs.WriteOff> request(@PathVariable String invoiceNumber,
            @RequestBody WriteOffRequest request, Principal user) {
        WriteOffs.WriteOff writeOff = writeOffs.request(invoiceNumber, request.amount(), request.reason(),
                user.getName());
        return ResponseEntity.created(URI.create("/api/write-offs/" + writeOff.id())).body(writeOff);
    }

    @GetMapping("/api/write-offs/{id}")
    WriteOffs.WriteOff get(@PathVariable long id) {
        return writeOffs.find(id).orElseThrow(() -> RejectedException.notFound("write-off-not-found",
                "No write-off has the id " + id));
    }
}
