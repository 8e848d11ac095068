package cn.cabr.carbon.certificate;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.List;

import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.stereotype.Component;

/**
 * Renders the one-page A4 landscape certificate issued to a candidate who passed.
 *
 * <p>All fonts are embedded as subsets, so the PDF displays the same everywhere, including machines without
 * Chinese fonts. Chinese text uses the bundled Droid Sans Fallback (Apache-2.0, see
 * {@code fonts/LICENSE-DroidSansFallback.txt}). That font has no Latin glyphs at all (not even digits), so
 * Latin characters (ID and certificate numbers, the "·" in names such as 买买提·艾力) come from the Liberation
 * Sans font that ships inside the PDFBox jar.
 *
 * <p>Thread-safe: the only shared state is the immutable font bytes.
 */
@Component
public class CertificatePdfRenderer {

    static final String CJK_FONT_RESOURCE = "fonts/DroidSansFallbackFull.ttf";
    // PDFBox's own last-resort font (SIL OFL 1.1). It is not public API: should an upgrade move it, the
    // constructor fails with "Certificate font not found" and the renderer tests fail.
    static final String LATIN_FONT_RESOURCE = "org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    static final String TITLE = "碳排放管理专业技术人员证书";

    private static final DateTimeFormatter DATE_FORMAT = DateTimeFormatter.ofPattern("yyyy年M月d日");
    // Closing punctuation stays on the line of the character before it, so no line starts with "，" or "）".
    private static final String NO_LINE_START = "，。、；：！？）》」』”’,.;:!?)";

    private static final PDRectangle PAGE_SIZE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
    private static final Color ACCENT = new Color(0x1B, 0x5E, 0x20);
    private static final float TEXT_MARGIN = 110;
    private static final float TITLE_SIZE = 34;
    private static final float BODY_SIZE = 20;
    private static final float BODY_LEADING = 38;
    private static final float DETAIL_SIZE = 16;
    private static final float DETAIL_LEADING = 30;

    // PDFBox closes a parsed TrueType font once it has written the subset, so a PDType0Font cannot be shared
    // between documents; the raw bytes are cached and parsed again for every document.
    private final byte[] cjkFontBytes;
    private final byte[] latinFontBytes;

    public CertificatePdfRenderer() {
        this(CJK_FONT_RESOURCE);
    }

    CertificatePdfRenderer(String cjkFontResource) {
        this.cjkFontBytes = readClasspathResource(cjkFontResource);
        this.latinFontBytes = readClasspathResource(LATIN_FONT_RESOURCE);
    }

    public byte[] render(CertificateContent content) {
        try (PDDocument document = new PDDocument()) {
            Fonts fonts = new Fonts(load(document, cjkFontBytes), load(document, latinFontBytes));
            PDPage page = new PDPage(PAGE_SIZE);
            document.addPage(page);
            try (PDPageContentStream stream = new PDPageContentStream(document, page)) {
                drawBorder(stream);
                drawText(stream, fonts, content);
            }
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(TITLE);
            info.setAuthor(content.issuer());
            info.setCreationDate(new GregorianCalendar());
            ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new CertificateRenderingException("Could not render the certificate PDF", e);
        } catch (IllegalArgumentException e) {
            // PDFBox reports a character that neither font has ("No glyph for U+...") this way.
            throw new CertificateRenderingException("Could not render the certificate PDF: " + e.getMessage(), e);
        }
    }

    private static PDType0Font load(PDDocument document, byte[] fontBytes) throws IOException {
        // RandomAccessReadBuffer wraps the array without copying it; embedSubset = true, vertical = false
        return PDType0Font.load(document, new RandomAccessReadBuffer(fontBytes), true, false);
    }

    private static void drawBorder(PDPageContentStream stream) throws IOException {
        float width = PAGE_SIZE.getWidth();
        float height = PAGE_SIZE.getHeight();
        stream.setStrokingColor(ACCENT);
        stream.setLineWidth(3f);
        stream.addRect(22, 22, width - 44, height - 44);
        stream.stroke();
        stream.setLineWidth(1f);
        stream.addRect(30, 30, width - 60, height - 60);
        stream.stroke();
    }

    private static void drawText(PDPageContentStream stream, Fonts fonts, CertificateContent content)
            throws IOException {
        float pageWidth = PAGE_SIZE.getWidth();
        float textWidth = pageWidth - 2 * TEXT_MARGIN;

        float titleY = PAGE_SIZE.getHeight() - 120;
        stream.setNonStrokingColor(ACCENT);
        fonts.show(stream, TITLE_SIZE, (pageWidth - fonts.width(TITLE, TITLE_SIZE)) / 2, titleY, TITLE);
        float ruleY = titleY - 24;
        stream.moveTo(pageWidth / 2 - 150, ruleY);
        stream.lineTo(pageWidth / 2 + 150, ruleY);
        stream.stroke();

        String sentence = "兹证明 " + content.candidateName() + "（身份证号 " + content.maskedIdNumber() + "）参加"
                + content.sessionName() + "碳排放管理专业技术人员培训及考试，成绩合格，特发此证。";
        // A Chinese paragraph starts with a two-character indent.
        float indent = 2 * BODY_SIZE;
        stream.setNonStrokingColor(Color.BLACK);
        float y = ruleY - 80;
        List<String> lines = wrap(fonts, BODY_SIZE, sentence, textWidth - indent, textWidth);
        for (int i = 0; i < lines.size(); i++) {
            fonts.show(stream, BODY_SIZE, TEXT_MARGIN + (i == 0 ? indent : 0), y, lines.get(i));
            y -= BODY_LEADING;
        }

        List<String> details = new ArrayList<>();
        for (String detail : List.of(
                "证书编号：" + content.certificateNumber(),
                "发证日期：" + DATE_FORMAT.format(content.issuedOn()),
                "发证机构：" + content.issuer())) {
            details.addAll(wrap(fonts, DETAIL_SIZE, detail, textWidth, textWidth));
        }
        // The details sit in the bottom part of the page, or directly below a very long body text.
        y = Math.min(y - 20, 80 + DETAIL_LEADING * (details.size() - 1));
        for (String detail : details) {
            fonts.show(stream, DETAIL_SIZE, TEXT_MARGIN, y, detail);
            y -= DETAIL_LEADING;
        }
    }

    /**
     * Greedy line breaking for Chinese text: a line may break between any two Chinese characters, but not inside
     * a run of Latin letters and digits (e.g. the ID number) and not before closing punctuation.
     */
    private static List<String> wrap(Fonts fonts, float fontSize, String text, float firstLineWidth, float lineWidth)
            throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String token : breakTokens(text)) {
            float available = lines.isEmpty() ? firstLineWidth : lineWidth;
            if (!line.isEmpty() && fonts.width(line + token, fontSize) > available) {
                lines.add(line.toString().stripTrailing());
                line.setLength(0);
            }
            if (!line.isEmpty() || !token.isBlank()) {
                line.append(token);
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static List<String> breakTokens(String text) {
        List<String> tokens = new ArrayList<>();
        int previous = ' ';
        for (int cp : text.codePoints().toArray()) {
            String character = Character.toString(cp);
            boolean joinsPrevious = NO_LINE_START.indexOf(cp) >= 0 || (isWordChar(cp) && isWordChar(previous));
            if (joinsPrevious && !tokens.isEmpty()) {
                tokens.set(tokens.size() - 1, tokens.get(tokens.size() - 1) + character);
            } else {
                tokens.add(character);
            }
            previous = cp;
        }
        return tokens;
    }

    private static boolean isWordChar(int cp) {
        return cp < 0x80 && (Character.isLetterOrDigit(cp) || cp == '*' || cp == '-' || cp == '/');
    }

    private static byte[] readClasspathResource(String resource) {
        try (InputStream in = CertificatePdfRenderer.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new CertificateRenderingException("Certificate font not found on the classpath: " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new CertificateRenderingException("Could not read the certificate font " + resource, e);
        }
    }

    /** The two fonts of one document; text is drawn in runs, each run in the font that has its glyphs. */
    private record Fonts(PDType0Font cjk, PDType0Font latin) {

        float width(String text, float fontSize) throws IOException {
            float width = 0;
            for (Run run : runs(text)) {
                width += run.font().getStringWidth(run.text()) / 1000f * fontSize;
            }
            return width;
        }

        void show(PDPageContentStream stream, float fontSize, float x, float y, String text) throws IOException {
            stream.beginText();
            stream.newLineAtOffset(x, y);
            for (Run run : runs(text)) {
                stream.setFont(run.font(), fontSize);
                stream.showText(run.text());
            }
            stream.endText();
        }

        private List<Run> runs(String text) {
            List<Run> runs = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            PDType0Font currentFont = null;
            for (int cp : text.codePoints().toArray()) {
                PDType0Font font = latin.getCmapLookup().getGlyphId(cp) != 0 ? latin : cjk;
                if (font != currentFont && currentFont != null) {
                    runs.add(new Run(currentFont, current.toString()));
                    current.setLength(0);
                }
                currentFont = font;
                current.appendCodePoint(cp);
            }
            if (currentFont != null) {
                runs.add(new Run(currentFont, current.toString()));
            }
            return runs;
        }
    }

    private record Run(PDType0Font font, String text) {
    }
}
