package org.arflow.dispute;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.arflow.error.RejectedException;
import org.arflow.notification.Documents;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Disputes: raised against invoices, with their history, evidence, resolution and a report by age. */
@RestController
@Validated
class DisputeController {

    /** Evidence files accepted: documents, images, e-mails and plain text. */
    private static final Set<String> EVIDENCE_TYPES = Set.of("application/pdf", "image/png", "image/jpeg",
            "text/plain", "message/rfc822", "text/csv");
    private static final long MAX_EVIDENCE_BYTES = 5L * 1024 * 1024;

    private final DisputeService disputes;
    private final DisputeRepository repository;
    private final Documents documents;
    private final Clock clock;

    DisputeController(DisputeService disputes, DisputeRepository repository, Documents documents, Clock clock) {
        this.disputes = disputes;
        this.repository = repository;
        this.documents = documents;
        this.clock = clock;
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

    @GetMapping("/api/disputes")
    List<Dispute> list(@RequestParam(required = false) DisputeStatus status,
            @RequestParam(required = false) String reason, @RequestParam(required = false) String owner,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return repository.find(status, reason == null ? null : reason.toUpperCase(Locale.ROOT), owner, page, size);
    }

    /** A dispute with its history, evidence and the credit note or corrected invoice it led to. */
    record DisputeView(Dispute dispute, List<DisputeRepository.HistoryEntry> history,
            List<DisputeRepository.Attachment> attachments, List<String> creditNotes) {
    }

    @GetMapping("/api/disputes/{id}")
    DisputeView get(@PathVariable long id) {
        Dispute dispute = disputes.get(id);
        List<String> creditNotes = dispute.creditNoteNumber() == null ? List.of()
                : List.of(dispute.creditNoteNumber());
        return new DisputeView(dispute, repository.history(id), repository.attachments(id), creditNotes);
    }

    @PostMapping(path = "/api/disputes/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Transactional
    ResponseEntity<List<DisputeRepository.Attachment>> attach(@PathVariable long id,
            @RequestPart("file") MultipartFile file, Principal user) {
        Dispute dispute = disputes.get(id);
        if (dispute.status() != DisputeStatus.OPEN) {
            throw RejectedException.unprocessable("dispute-not-open", "Dispute " + id + " is " + dispute.status()
                    + "; evidence is gathered while it is open");
        }
        String type = file.getContentType() == null ? "" : file.getContentType().toLowerCase(Locale.ROOT);
        if (!EVIDENCE_TYPES.contains(type)) {
            throw RejectedException.unsupportedMediaType("unsupported-attachment-type", "The file "
                    + file.getOriginalFilename() + " has the type '" + type + "'; attach one of " + EVIDENCE_TYPES);
        }
        if (file.getSize() > MAX_EVIDENCE_BYTES || file.getSize() == 0) {
            throw RejectedException.payloadTooLarge("attachment-size", "The file " + file.getOriginalFilename()
                    + " has " + file.getSize() + " bytes; attach files of 1 byte to 5 MB");
        }
        String name = file.getOriginalFilename() == null ? "evidence" : file.getOriginalFilename()
                .replaceAll("[^A-Za-z0-9._ -]", "_");
        try {
            byte[] content = file.getBytes();
            if (!contentMatches(type, content)) {
                throw RejectedException.unsupportedMediaType("attachment-content-mismatch", "The file " + name
                        + " does not contain " + type + "; upload the document itself, not a renamed file");
            }
            long documentId = documents.store("DISPUTE_EVIDENCE", name, type, content);
            repository.addAttachment(id, documentId, name, type, file.getSize(), user.getName(),
                    OffsetDateTime.now(clock));
            repository.addHistory(id, "EVIDENCE_ATTACHED", user.getName(), name, OffsetDateTime.now(clock));
        } catch (IOException unreadable) {
            throw new UncheckedIOException("The upload " + name + " cannot be read", unreadable);
        }
        return ResponseEntity.created(URI.create("/api/disputes/" + id)).body(repository.attachments(id));
    }

    /**
     * Checks the file's first bytes against its declared type, so that a program or web page cannot be stored
     * as evidence under the name of a PDF or a text file.
     */
    static boolean contentMatches(String type, byte[] content) {
        String head = new String(content, 0, Math.min(content.length, 512), StandardCharsets.ISO_8859_1);
        return switch (type) {
            case "application/pdf" -> head.startsWith("%PDF-");
            case "image/png" -> head.startsWith("\u0089PNG");
            case "image/jpeg" -> head.startsWith("\u00FF\u00D8\u00FF");
            default -> !head.startsWith("MZ") && head.indexOf('\u0000') < 0
                    && !head.toLowerCase(Locale.ROOT).contains("<html") && !head.toLowerCase(Locale.ROOT)
                            .contains("<script");
        };
    }

    @GetMapping("/api/disputes/{id}/attachments/{attachmentId}")
    ResponseEntity<byte[]> attachment(@PathVariable long id, @PathVariable long attachmentId) {
        DisputeRepository.Attachment attachment = repository.attachments(id).stream()
                .filter(candidate -> candidate.id() == attachmentId).findFirst()
                .orElseThrow(() -> RejectedException.notFound("attachment-not-found", "Dispute " + id
                        + " has no attachment " + attachmentId));
        Documents.Document document = documents.find(attachment.documentId()).orElseThrow();
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(document.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + document.fileName() + "\"")
                .body(document.content());
    }

    private static String ageBucket(long ageDays) {
        if (ageDays <= 7) {
            return "0-7";
        }
        return ageDays <= 30 ? "8-30" : "over 30";
    }

    /** One line of the disputes report. */
    record ReportLine(long disputeId, String invoiceNumber, String customer, String reasonCode, String status,
            String outcome, String ownerGroup, long ageDays, String ageBucket) {
    }

    /**
     * Reports disputes by reason and age: open disputes are aged to today, resolved ones to the day they were
     * resolved. Buckets are 0-7, 8-30 and over 30 days.
     */
    @GetMapping("/api/reports/disputes")
    Map<String, Object> report(@RequestParam(required = false) DisputeStatus status) {
        LocalDate today = LocalDate.now(clock);
        List<ReportLine> lines = repository.find(status, null, null, 0, 10_000).stream()
                .map(dispute -> {
                    LocalDate end = dispute.resolvedOn() == null ? today : dispute.resolvedOn();
                    long age = ChronoUnit.DAYS.between(dispute.raisedOn(), end);
                    return new ReportLine(dispute.id(), dispute.invoiceNumber(), dispute.customer(),
                            dispute.reasonCode(), dispute.status().name(), dispute.outcome(), dispute.ownerGroup(),
                            age, ageBucket(age));
                })
                .toList();
        Map<String, Map<String, Long>> openByReasonAndAge = new LinkedHashMap<>();
        for (ReportLine line : lines) {
            if (line.status().equals(DisputeStatus.OPEN.name())) {
                openByReasonAndAge.computeIfAbsent(line.reasonCode(), reason -> new LinkedHashMap<>())
                        .merge(line.ageBucket(), 1L, Long::sum);
            }
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("asOf", today);
        report.put("openByReasonAndAge", openByReasonAndAge);
        report.put("disputes", lines);
        return report;
    }
}
