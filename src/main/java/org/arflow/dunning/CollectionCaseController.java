package org.arflow.dunning;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.math.BigDecimal;
import java.net.URI;
import java.security.Principal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.arflow.error.RejectedException;
import org.arflow.notification.Documents;
import org.arflow.notification.Outbox;
import org.arflow.notification.OutboxMessage;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Collection cases: their state and history, promises to pay, pauses, documents and agency recoveries. */
@RestController
@Validated
class CollectionCaseController {

    private final CollectionCaseRepository cases;
    private final CaseCommands commands;
    private final OverdueItems overdueItems;
    private final Outbox outbox;
    private final Documents documents;

    CollectionCaseController(CollectionCaseRepository cases, CaseCommands commands, OverdueItems overdueItems,
            Outbox outbox, Documents documents) {
        this.cases = cases;
        this.commands = commands;
        this.overdueItems = overdueItems;
        this.outbox = outbox;
        this.documents = documents;
    }

    @GetMapping("/api/collection-cases")
    List<CollectionCase> list(@RequestParam(required = false) CaseStatus status,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return cases.find(status, page, size);
    }

    @GetMapping("/api/collection-cases/{id}")
    CaseView get(@PathVariable long id) {
        CollectionCase kase = commands.require(id);
        List<OutboxMessage> messages = outbox.findByKeyPrefix("case/" + id + "/");
        List<MessageSummary> sent = messages.stream().map(message -> new MessageSummary(message.messageKey(),
                message.channel().name(), message.recipient(), message.subject(), message.status().name(),
                message.createdAt(), message.sentAt())).toList();
        return new CaseView(kase, overdueItems.of(kase.customerId(), kase.currency()), cases.steps(id), sent,
                cases.promises(id), cases.documents(id));
    }

    /** A case with everything a collector needs to see. */
    record CaseView(CollectionCase collectionCase, List<OverdueItem> overdueInvoices,
            List<CollectionCaseRepository.StepRecord> history, List<MessageSummary> messages,
            List<CollectionCaseRepository.PromiseRecord> promises,
            List<CollectionCaseRepository.DocumentRecord> documents) {
    }

    record MessageSummary(String messageKey, String channel, String recipient, String subject, String status,
            OffsetDateTime createdAt, OffsetDateTime sentAt) {
    }

    record PromiseRequest(BigDecimal amount, String currency, LocalDate date, Integer graceDays) {
    }

    @PostMapping("/api/collection-cases/{id}/promises")
    ResponseEntity<List<CollectionCaseRepository.PromiseRecord>> promise(@PathVariable long id,
            @RequestBody PromiseRequest request, Principal user) {
        commands.recordPromise(id, request.amount(), request.currency(), request.date(), request.graceDays(),
                user.getName());
        return ResponseEntity.created(URI.create("/api/collection-cases/" + id)).body(cases.promises(id));
    }

    record ReasonRequest(String reason) {
    }

    @PostMapping("/api/collection-cases/{id}/pause")
    CollectionCase pause(@PathVariable long id, @RequestBody(required = false) ReasonRequest request) {
        commands.pause(id, request == null ? null : request.reason());
        return commands.require(id);
    }

    @PostMapping("/api/collection-cases/{id}/resume")
    CollectionCase resume(@PathVariable long id, @RequestBody(required = false) ReasonRequest request) {
        commands.resume(id, request == null ? null : request.reason());
        return commands.require(id);
    }

    @GetMapping("/api/collection-cases/{id}/documents/{documentId}")
    ResponseEntity<byte[]> document(@PathVariable long id, @PathVariable long documentId) {
        commands.require(id);
        if (!cases.hasDocument(id, documentId)) {
            throw RejectedException.notFound("document-not-found", "Case " + id + " has no document " + documentId);
        }
        Documents.Document document = documents.find(documentId).orElseThrow();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(document.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + document.fileName() + "\"")
                .body(document.content());
    }

    record AgencyRecoveryRequest(String invoiceNumber, BigDecimal amount, BigDecimal commission,
            LocalDate receivedDate) {
    }

    @PostMapping("/api/collection-cases/{id}/agency-recoveries")
    ResponseEntity<Void> agencyRecovery(@PathVariable long id, @RequestBody AgencyRecoveryRequest request) {
        long paymentId = commands.recordAgencyRecovery(id, request.invoiceNumber(), request.amount(),
                request.commission(), request.receivedDate());
        return ResponseEntity.created(URI.create("/api/payments/" + paymentId)).build();
    }

    record CollectionProfileRequest(boolean insolvent, boolean consumer, BigDecimal contractInterestRate) {
    }

    /** Sets the facts the dunning guardrails and late-payment rules read for a customer. */
    @PutMapping("/api/customers/{externalId}/collection-profile")
    CollectionProfileRequest profile(@PathVariable String externalId, @RequestBody CollectionProfileRequest request) {
        commands.saveProfile(externalId, request.insolvent(), request.consumer(), request.contractInterestRate());
        return request;
    }
}
