package org.arflow.invoice.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.arflow.error.RejectedException;
import org.arflow.error.Violation;
import org.arflow.invoice.creditnote.CreditNoteService;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Reads a UBL 2.1 credit note (Peppol BIS Billing 3): its number, issue date, currency, the invoice it
 * credits ({@code BillingReference/InvoiceDocumentReference/ID}) and the payable amount. Document type
 * declarations are refused, so an upload cannot make the parser read other files.
 */
final class UblCreditNoteReader {

    static final String CREDIT_NOTE = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";
    private static final String CBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";
    private static final String CAC = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";

    private UblCreditNoteReader() {
    }

    /** Returns whether the content looks like XML, so the importer hands it here instead of to the CSV reader. */
    static boolean isXml(byte[] content) {
        int start = content.length >= 3 && (content[0] & 0xFF) == 0xEF ? 3 : 0;
        while (start < content.length && Character.isWhitespace(content[start])) {
            start++;
        }
        return start < content.length && content[start] == '<';
    }

    /**
     * A credit note read from UBL.
     *
     * @param customerIdentifiers the customer party's identifiers and names, to check against the invoice
     */
    record UblCreditNote(CreditNoteService.CreditNoteRequest request, List<String> customerIdentifiers) {
    }

    static CreditNoteService.CreditNoteRequest read(byte[] content) {
        return readWithParty(content).request();
    }

    static UblCreditNote readWithParty(byte[] content) {
        Element root = parse(content).getDocumentElement();
        if (!CREDIT_NOTE.equals(root.getNamespaceURI()) || !"CreditNote".equals(root.getLocalName())) {
            throw RejectedException.badRequest("unknown-xml-document", "The XML document is a "
                    + root.getLocalName() + " in " + root.getNamespaceURI() + "; ARflow imports UBL 2.1 credit "
                    + "notes (" + CREDIT_NOTE + ")");
        }
        List<Violation> violations = new ArrayList<>();
        String number = required(root, CBC, "ID", violations);
        String currency = required(root, CBC, "DocumentCurrencyCode", violations);
        LocalDate issueDate = date(required(root, CBC, "IssueDate", violations), violations);
        Element reference = path(root, "BillingReference", "InvoiceDocumentReference");
        String invoiceNumber = reference == null ? null : text(child(reference, CBC, "ID"));
        if (invoiceNumber == null) {
            violations.add(Violation.of("BillingReference/InvoiceDocumentReference/ID", null,
                    "is required: ARflow applies an imported credit note to the invoice it names"));
        }
        Element totals = child(root, CAC, "LegalMonetaryTotal");
        String payable = totals == null ? null : text(child(totals, CBC, "PayableAmount"));
        BigDecimal amount = amount(payable, violations);
        checkTotals(root, totals, amount, violations);
        String note = text(child(root, CBC, "Note"));
        if (!violations.isEmpty()) {
            throw RejectedException.invalid(violations);
        }
        String reason = "UBL credit note " + number + (note == null ? "" : ": " + note);
        return new UblCreditNote(new CreditNoteService.CreditNoteRequest(number, invoiceNumber, null, amount,
                currency, reason.length() > 500 ? reason.substring(0, 500) : reason, issueDate), customerParty(root));
    }

    private static List<String> customerParty(Element root) {
        List<String> identifiers = new ArrayList<>();
        Element party = path(root, "AccountingCustomerParty", "Party");
        if (party == null) {
            return identifiers;
        }
        Element identification = child(party, CAC, "PartyIdentification");
        Element name = child(party, CAC, "PartyName");
        Element legal = child(party, CAC, "PartyLegalEntity");
        for (String value : new String[] {identification == null ? null : text(child(identification, CBC, "ID")),
                name == null ? null : text(child(name, CBC, "Name")),
                legal == null ? null : text(child(legal, CBC, "RegistrationName"))}) {
            if (value != null) {
                identifiers.add(value);
            }
        }
        return identifiers;
    }

    /**
     * Checks the document against itself, as the EN 16931 rules do: the lines add up to the line total, and
     * the payable amount is the total with tax less any prepaid amount plus any rounding.
     */
    private static void checkTotals(Element root, Element totals, BigDecimal payable, List<Violation> violations) {
        if (totals == null || payable == null) {
            return;
        }
        BigDecimal lineTotal = number(child(totals, CBC, "LineExtensionAmount"));
        BigDecimal linesSum = null;
        for (Node node = root.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element line && CAC.equals(line.getNamespaceURI())
                    && "CreditNoteLine".equals(line.getLocalName())) {
                BigDecimal lineAmount = number(child(line, CBC, "LineExtensionAmount"));
                linesSum = (linesSum == null ? BigDecimal.ZERO : linesSum)
                        .add(lineAmount == null ? BigDecimal.ZERO : lineAmount);
            }
        }
        if (lineTotal != null && linesSum != null && lineTotal.compareTo(linesSum) != 0) {
            violations.add(Violation.of("LegalMonetaryTotal/LineExtensionAmount", lineTotal.toPlainString(),
                    "differs from the sum of the credit note lines, " + linesSum.toPlainString()));
        }
        BigDecimal withTax = number(child(totals, CBC, "TaxInclusiveAmount"));
        if (withTax != null) {
            BigDecimal prepaid = orZero(number(child(totals, CBC, "PrepaidAmount")));
            BigDecimal rounding = orZero(number(child(totals, CBC, "PayableRoundingAmount")));
            BigDecimal expected = withTax.subtract(prepaid).add(rounding);
            if (expected.compareTo(payable) != 0) {
                violations.add(Violation.of("LegalMonetaryTotal/PayableAmount", payable.toPlainString(),
                        "differs from TaxInclusiveAmount less PrepaidAmount plus PayableRoundingAmount, "
                                + expected.toPlainString()));
            }
        }
    }

    private static BigDecimal number(Element element) {
        String value = text(element);
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException invalid) {
            return null;
        }
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    private static Document parse(byte[] content) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(content));
        } catch (SAXException | IOException malformed) {
            throw RejectedException.badRequest("malformed-xml", "The file is not well-formed XML: "
                    + malformed.getMessage());
        } catch (ParserConfigurationException unsupported) {
            throw new IllegalStateException("The XML parser cannot be configured securely", unsupported);
        }
    }

    private static Element path(Element start, String... aggregates) {
        Element current = start;
        for (String name : aggregates) {
            current = current == null ? null : child(current, CAC, name);
        }
        return current;
    }

    private static Element child(Element parent, String namespace, String localName) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && namespace.equals(element.getNamespaceURI())
                    && localName.equals(element.getLocalName())) {
                return element;
            }
        }
        return null;
    }

    private static String text(Element element) {
        if (element == null) {
            return null;
        }
        String text = element.getTextContent().strip();
        return text.isEmpty() ? null : text;
    }

    private static String required(Element root, String namespace, String name, List<Violation> violations) {
        String value = text(child(root, namespace, name));
        if (value == null) {
            violations.add(Violation.of(name, null, "is required in a UBL credit note"));
        }
        return value;
    }

    private static LocalDate date(String value, List<Violation> violations) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException invalid) {
            violations.add(Violation.of("IssueDate", value, "expected a date as YYYY-MM-DD"));
            return null;
        }
    }

    private static BigDecimal amount(String value, List<Violation> violations) {
        if (value == null) {
            violations.add(Violation.of("LegalMonetaryTotal/PayableAmount", null, "is required"));
            return null;
        }
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException invalid) {
            violations.add(Violation.of("LegalMonetaryTotal/PayableAmount", value, "is not a number"));
            return null;
        }
    }
}
