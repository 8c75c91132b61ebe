package org.arflow.notification;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.stereotype.Component;

/** Renders an XHTML document, such as a letter template after filling, to PDF with openhtmltopdf. */
@Component
public class PdfRenderer {

    public byte[] render(String xhtml) {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(xhtml, null);
            builder.toStream(pdf);
            builder.run();
        } catch (IOException renderFailure) {
            throw new UncheckedIOException("The letter could not be rendered to PDF", renderFailure);
        }
        return pdf.toByteArray();
    }
}
