package nl.weerbaar.situatiebeeld.report;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The report's XHTML as a PDF, rendered on the server by OpenHTMLtoPDF (PDFBox, its standard fonts). */
final class ReportPdf {

    private ReportPdf() {
    }

    static byte[] render(String xhtml) {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream(64 * 1024);
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(xhtml, null);
            builder.toStream(pdf);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("the report could not be rendered as PDF", e);
        }
        return pdf.toByteArray();
    }
}
