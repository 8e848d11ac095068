package cn.cabr.carbon.certificate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The baseline of the certificate benchmark (profile {@code benchmark} only): the least a PDF with Chinese text
 * costs - one A4 page, one line of Chinese in the certificate's font (Droid Sans Fallback, embedded as a subset and
 * parsed per document from cached bytes, as {@link CertificatePdfRenderer} does), no photo, QR code or signature.
 */
@Component
@Profile("benchmark")
public class MinimalPdfBaseline {

    private static final String[] LINES = {"碳排放管理专业技术人员培训合格证书", "兹证明该考生成绩合格，特发此证。",
            "中国建筑科学研究院有限公司认证中心"};

    private final byte[] fontBytes;

    MinimalPdfBaseline() {
        this.fontBytes = CertificatePdfRenderer.readClasspathResource(CertificatePdfRenderer.CJK_FONT_RESOURCE);
    }

    /** One minimal document; returns its bytes. */
    public byte[] render() {
        try (PDDocument document = new PDDocument()) {
            PDType0Font font = PDType0Font.load(document, new RandomAccessReadBuffer(fontBytes), true, false);
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            try (PDPageContentStream stream = new PDPageContentStream(document, page)) {
                stream.beginText();
                stream.setFont(font, 18);
                stream.newLineAtOffset(72, 700);
                stream.showText(LINES[ThreadLocalRandom.current().nextInt(LINES.length)]);
                stream.endText();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
