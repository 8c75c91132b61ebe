package org.arflow.invoice.creditnote;

import org.arflow.error.RejectedException;
import org.arflow.idempotency.Retry;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Credit notes, idempotent on their number. One that names an invoice is posted against it, never for more
 * than its open balance, and settles it as CREDITED when nothing is left. One without an invoice is the
 * customer's unapplied credit.
 */
@RestController
class CreditNoteController {

    private final CreditNoteService creditNotes;

    CreditNoteController(CreditNoteService creditNotes) {
        this.creditNotes = creditNotes;
    }

    @PostMapping("/api/credit-notes")
    ResponseEntity<CreditNoteService.CreditNote> issue(@RequestBody CreditNoteService.CreditNoteRequest request) {
        CreditNoteService.Issued issued = Retry.onceOnDuplicateKey(() -> creditNotes.issue(request));
        if (!issued.created()) {
            return ResponseEntity.ok(issued.creditNote());
        }
        return ResponseEntity.created(UriComponentsBuilder.fromPath("/api/credit-notes/{number}")
                .buildAndExpand(issued.creditNote().creditNoteNumber()).encode().toUri())
                .body(issued.creditNote());
    }

    @GetMapping("/api/credit-notes/{creditNoteNumber}")
    CreditNoteService.CreditNote get(@PathVariable String creditNoteNumber) {
        return creditNotes.find(creditNoteNumber).orElseThrow(() -> RejectedException.notFound(
                "credit-note-not-found", "No credit note has the number '" + creditNoteNumber + "'"));
    }
}
