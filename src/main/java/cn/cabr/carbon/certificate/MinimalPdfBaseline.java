package cn.cabr.carbon.certificate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.awt.image.BufferedImage;
import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import cn.cabr.carbon.demo.SampleDocuments;

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
    private final CertificatePdfRenderer reusingFonts = new CertificatePdfRenderer();
    private final CertificatePdfRenderer parsingFonts =
            new CertificatePdfRenderer(CertificatePdfRenderer.CJK_FONT_RESOURCE, 0);
    private final BufferedImage photo = CertificatePhoto.prepare(SampleDocuments.png("PHOTO"));

    MinimalPdfBaseline() {
        this.fontBytes = CertificatePdfRenderer.readClasspathResource(CertificatePdfRenderer.CJK_FONT_RESOURCE);
    }

    /**
     * The font reuse's before and after: renders one certificate with fonts parsed for the document (as before)
     * and one with reused fonts, in alternating order; returns the nanoseconds of each {parsed, reused}.
     */
    public long[] certificateRenderingNanos(int index) {
        CertificateContent content = new CertificateContent("压测考生" + index, "320102********123X",
                "CEM-2026-PUB-" + index, "成绩公布压测考期", LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 26),
                "中国建筑科学研究院有限公司认证中心", "https://cert.example.cn/verify/CEM-2026-PUB-" + index, photo);
        long[] nanos = new long[2];
        for (int k = 0; k < 2; k++) {
            boolean parse = (index + k) % 2 == 0;
            long started = System.nanoTime();
            (parse ? parsingFonts : reusingFonts).render(content);
            nanos[parse ? 0 : 1] = System.nanoTime() - started;
        }
        return nanos;
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
