package cn.cabr.carbon.certificate;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;

import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.springframework.stereotype.Component;

import com.google.zxing.common.BitMatrix;

/**
 * Renders the one-page A4 landscape certificate issued to a candidate who passed: title, the candidate's photo in
 * a 2-inch frame, the certifying sentence (name, masked ID number, exam date, session), certificate number, exam
 * and issue dates, issuer, and a QR code of the public verification URL, which is also printed in the footer.
 *
 * <p>The photo is embedded as a JPEG (PDFBox {@link JPEGFactory}) and the QR code drawn as vector squares, so a
 * certificate stays well under 300 KB. The PDF is unsigned: {@link CertificateSigner} signs it.
 *
 * <p>All fonts are embedded as subsets, so the PDF displays the same everywhere, including machines without
 * Chinese fonts. Chinese text uses the bundled Droid Sans Fallback (Apache-2.0, see
 * {@code fonts/LICENSE-DroidSansFallback.txt}). That font has no Latin glyphs at all (not even digits), so
 * Latin characters (ID and certificate numbers, the "·" in names such as 买买提·艾力) come from the Liberation
 * Sans font that ships inside the PDFBox jar.
 *
 * <p>Thread-safe. Parsing the 4 MB Chinese font is most of the cost of a certificate, so parsed fonts are kept and
 * lent to one document at a time (a parsed font is not safe for concurrent use; PDFBox does not close a font it was
 * given when it writes the subset). At most {@link #POOLED_FONTS} sets are kept: as many as documents are rendered at
 * once by the job executor; further concurrent renderings parse their own and drop them afterwards. A rendering
 * that fails drops its fonts rather than reuse them. See docs/publication-benchmark.md for the measurement.
 */
@Component
public class CertificatePdfRenderer {

    static final String CJK_FONT_RESOURCE = "fonts/DroidSansFallbackFull.ttf";
    // PDFBox's own last-resort font (SIL OFL 1.1). It is not public API: should an upgrade move it, the
    // constructor fails with "Certificate font not found" and the renderer tests fail.
    static final String LATIN_FONT_RESOURCE = "org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    static final String TITLE = "碳排放管理专业技术人员培训合格证书";
    static final String SUBTITLE = "Certificate of Training and Examination · Carbon Emission Management Professional";

    private static final DateTimeFormatter DATE_FORMAT = DateTimeFormatter.ofPattern("yyyy年M月d日");
    // Closing punctuation stays on the line of the character before it, so no line starts with "，" or "）".
    private static final String NO_LINE_START = "，。、；：！？）》」』”’,.;:!?)";

    private static final PDRectangle PAGE_SIZE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
    private static final Color ACCENT = new Color(0x1B, 0x5E, 0x20);
    private static final Color MUTED = new Color(0x55, 0x5F, 0x55);
    private static final float TITLE_SIZE = 30;
    private static final float SUBTITLE_SIZE = 10;
    // left: the photo in a 2-inch frame; right of it the text column; bottom right the QR code
    private static final float PHOTO_X = 80;
    private static final float PHOTO_TOP = 418;
    private static final float PHOTO_WIDTH = 100;
    private static final float PHOTO_HEIGHT = 140;
    private static final float TEXT_LEFT = 212;
    private static final float TEXT_RIGHT = PAGE_SIZE.getWidth() - 100;
    private static final float BODY_SIZE = 18;
    private static final float BODY_LEADING = 34;
    private static final float DETAIL_SIZE = 14;
    private static final float DETAIL_LEADING = 25;
    private static final float QR_SIZE = 96;
    private static final float QR_X = TEXT_RIGHT - QR_SIZE;
    private static final float QR_Y = 84;
    private static final float DETAIL_RIGHT = QR_X - 24;
    private static final float FOOTER_SIZE = 8.5f;
    private static final float JPEG_QUALITY = 0.85f;

    /** Parsed font sets kept for reuse (the job executor renders on up to four threads). */
    static final int POOLED_FONTS = 4;

    // A PDType0Font belongs to one document; the parsed TrueType fonts under it are lent out from here.
    private final byte[] cjkFontBytes;
    private final byte[] latinFontBytes;
    private final BlockingDeque<ParsedFonts> idleFonts = new LinkedBlockingDeque<>();
    private final int pooledFonts;

    private record ParsedFonts(TrueTypeFont cjk, TrueTypeFont latin) {

        void close() {
            try {
                cjk.close();
                latin.close();
            } catch (IOException e) {
                // nothing to release beyond the in-memory buffers
            }
        }
    }

    public CertificatePdfRenderer() {
        this(CJK_FONT_RESOURCE);
    }

    CertificatePdfRenderer(String cjkFontResource) {
        this(cjkFontResource, POOLED_FONTS);
    }

    /** With {@code pooledFonts} 0 every document parses its own fonts (the benchmark's comparison). */
    CertificatePdfRenderer(String cjkFontResource, int pooledFonts) {
        this.pooledFonts = pooledFonts;
        this.cjkFontBytes = readClasspathResource(cjkFontResource);
        this.latinFontBytes = readClasspathResource(LATIN_FONT_RESOURCE);
    }

    /** The unsigned one-page certificate ({@link CertificateSigner} signs it). */
    public byte[] render(CertificateContent content) {
        ParsedFonts parsed = null;
        boolean reusable = false;
        try (PDDocument document = new PDDocument()) {
            parsed = borrowFonts();
            Fonts fonts = new Fonts(PDType0Font.load(document, parsed.cjk(), true),
                    PDType0Font.load(document, parsed.latin(), true));
            PDPage page = new PDPage(PAGE_SIZE);
            document.addPage(page);
            PDImageXObject photo = JPEGFactory.createFromImage(document, content.photo(), JPEG_QUALITY);
            try (PDPageContentStream stream = new PDPageContentStream(document, page)) {
                drawBorder(stream);
                drawTitle(stream, fonts);
                drawPhoto(stream, photo);
                float y = drawBody(stream, fonts, content);
                drawDetails(stream, fonts, content, y);
                drawQrCode(stream, fonts, CertificateQrCode.encode(content.verificationUrl()));
                drawFooter(stream, fonts, content);
            }
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(TITLE);
            info.setSubject(content.certificateNumber());
            info.setAuthor(content.issuer());
            info.setCreationDate(new GregorianCalendar());
            ByteArrayOutputStream out = new ByteArrayOutputStream(128 * 1024);
            document.save(out);
            reusable = true;
            return out.toByteArray();
        } catch (IOException e) {
            throw new CertificateRenderingException("Could not render the certificate PDF", e);
        } catch (IllegalArgumentException e) {
            // PDFBox reports a character that neither font has ("No glyph for U+...") this way.
            throw new CertificateRenderingException("Could not render the certificate PDF: " + e.getMessage(), e);
        } finally {
            if (parsed != null) {
                returnFonts(parsed, reusable);
            }
        }
    }

    private ParsedFonts borrowFonts() throws IOException {
        ParsedFonts idle = idleFonts.pollFirst();
        if (idle != null) {
            return idle;
        }
        // RandomAccessReadBuffer wraps the array without copying it
        TrueTypeFont cjk = new TTFParser().parse(new RandomAccessReadBuffer(cjkFontBytes));
        try {
            return new ParsedFonts(cjk, new TTFParser().parse(new RandomAccessReadBuffer(latinFontBytes)));
        } catch (IOException | RuntimeException e) {
            cjk.close();
            throw e;
        }
    }

    private void returnFonts(ParsedFonts fonts, boolean reusable) {
        synchronized (idleFonts) {
            if (reusable && idleFonts.size() < pooledFonts) {
                idleFonts.offerFirst(fonts);
                return;
            }
        }
        fonts.close();
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
        // corner ornaments: a small square at each corner of the inner frame
        stream.setNonStrokingColor(ACCENT);
        for (float[] corner : new float[][] {{30, 30}, {width - 30, 30}, {30, height - 30}, {width - 30, height - 30}}) {
            stream.addRect(corner[0] - 4, corner[1] - 4, 8, 8);
        }
        stream.fill();
    }

    private static void drawTitle(PDPageContentStream stream, Fonts fonts) throws IOException {
        float pageWidth = PAGE_SIZE.getWidth();
        float titleY = PAGE_SIZE.getHeight() - 108;
        stream.setNonStrokingColor(ACCENT);
        stream.setStrokingColor(ACCENT);
        // the font has one weight: fill and stroke the outlines to set the title in bold
        stream.setLineWidth(0.7f);
        stream.setRenderingMode(RenderingMode.FILL_STROKE);
        fonts.show(stream, TITLE_SIZE, (pageWidth - fonts.width(TITLE, TITLE_SIZE)) / 2, titleY, TITLE);
        stream.setRenderingMode(RenderingMode.FILL);
        stream.setNonStrokingColor(MUTED);
        fonts.show(stream, SUBTITLE_SIZE, (pageWidth - fonts.width(SUBTITLE, SUBTITLE_SIZE)) / 2, titleY - 24, SUBTITLE);
        float ruleY = titleY - 38;
        stream.setLineWidth(1f);
        stream.moveTo(pageWidth / 2 - 160, ruleY);
        stream.lineTo(pageWidth / 2 + 160, ruleY);
        stream.stroke();
    }

    /** The photo inside its frame, scaled to fit without distortion and centred. */
    private static void drawPhoto(PDPageContentStream stream, PDImageXObject photo) throws IOException {
        float frameY = PHOTO_TOP - PHOTO_HEIGHT;
        float scale = Math.min(PHOTO_WIDTH / photo.getWidth(), PHOTO_HEIGHT / photo.getHeight());
        float width = photo.getWidth() * scale;
        float height = photo.getHeight() * scale;
        stream.drawImage(photo, PHOTO_X + (PHOTO_WIDTH - width) / 2, frameY + (PHOTO_HEIGHT - height) / 2, width, height);
        stream.setStrokingColor(MUTED);
        stream.setLineWidth(0.5f);
        stream.addRect(PHOTO_X - 3, frameY - 3, PHOTO_WIDTH + 6, PHOTO_HEIGHT + 6);
        stream.stroke();
    }

    /** The certifying sentence; returns the baseline of its last line. */
    private static float drawBody(PDPageContentStream stream, Fonts fonts, CertificateContent content)
            throws IOException {
        String sentence = "兹证明 " + content.candidateName() + "（身份证号 " + content.maskedIdNumber() + "）于"
                + DATE_FORMAT.format(content.examDate()) + "参加" + content.sessionName()
                + "碳排放管理专业技术人员培训及考试，成绩合格，特发此证。";
        // A Chinese paragraph starts with a two-character indent.
        float textWidth = TEXT_RIGHT - TEXT_LEFT;
        float indent = 2 * BODY_SIZE;
        stream.setNonStrokingColor(Color.BLACK);
        float y = PHOTO_TOP - BODY_SIZE;
        List<String> lines = wrap(fonts, BODY_SIZE, sentence, textWidth - indent, textWidth);
        for (int i = 0; i < lines.size(); i++) {
            fonts.show(stream, BODY_SIZE, TEXT_LEFT + (i == 0 ? indent : 0), y, lines.get(i));
            y -= BODY_LEADING;
        }
        return y + BODY_LEADING;
    }

    private static void drawDetails(PDPageContentStream stream, Fonts fonts, CertificateContent content, float bodyEnd)
            throws IOException {
        float width = DETAIL_RIGHT - TEXT_LEFT;
        List<String> details = new ArrayList<>();
        for (String detail : List.of(
                "证书编号：" + content.certificateNumber(),
                "考试日期：" + DATE_FORMAT.format(content.examDate()),
                "发证日期：" + DATE_FORMAT.format(content.issuedOn()),
                "发证机构：" + content.issuer())) {
            details.addAll(wrap(fonts, DETAIL_SIZE, detail, width, width));
        }
        // The details end level with the bottom of the QR code, or start directly below a very long body text.
        float y = Math.min(bodyEnd - 40, QR_Y + DETAIL_LEADING * (details.size() - 1));
        stream.setNonStrokingColor(Color.BLACK);
        for (String detail : details) {
            fonts.show(stream, DETAIL_SIZE, TEXT_LEFT, y, detail);
            y -= DETAIL_LEADING;
        }
    }

    /** The QR code as vector squares, one rectangle per run of dark modules in a row. */
    private static void drawQrCode(PDPageContentStream stream, Fonts fonts, BitMatrix matrix) throws IOException {
        float module = QR_SIZE / matrix.getWidth();
        float top = QR_Y + QR_SIZE;
        stream.setNonStrokingColor(Color.BLACK);
        for (int row = 0; row < matrix.getHeight(); row++) {
            int column = 0;
            while (column < matrix.getWidth()) {
                if (!matrix.get(column, row)) {
                    column++;
                    continue;
                }
                int start = column;
                while (column < matrix.getWidth() && matrix.get(column, row)) {
                    column++;
                }
                stream.addRect(QR_X + start * module, top - (row + 1) * module, (column - start) * module, module);
            }
        }
        stream.fill();
        String caption = "扫码核验证书";
        stream.setNonStrokingColor(MUTED);
        fonts.show(stream, 9, QR_X + (QR_SIZE - fonts.width(caption, 9)) / 2, QR_Y - 14, caption);
    }

    private static void drawFooter(PDPageContentStream stream, Fonts fonts, CertificateContent content)
            throws IOException {
        String note = "本证书为电子证书，经发证机构数字签名，改动即失效。核验地址：" + content.verificationUrl();
        float width = PAGE_SIZE.getWidth() - 2 * 60;
        List<String> lines = wrap(fonts, FOOTER_SIZE, note, width, width);
        float y = 44 + (lines.size() - 1) * (FOOTER_SIZE + 3);
        stream.setNonStrokingColor(MUTED);
        for (String line : lines) {
            fonts.show(stream, FOOTER_SIZE, (PAGE_SIZE.getWidth() - fonts.width(line, FOOTER_SIZE)) / 2, y, line);
            y -= FOOTER_SIZE + 3;
        }
    }

    /**
     * Greedy line breaking for Chinese text: a line may break between any two Chinese characters, but not inside
     * a run of Latin letters and digits (e.g. the ID number), not inside a date and not before closing punctuation.
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
            boolean joinsPrevious = NO_LINE_START.indexOf(cp) >= 0 || (isWordChar(cp) && isWordChar(previous))
                    || inDate(previous, cp);
            if (joinsPrevious && !tokens.isEmpty()) {
                tokens.set(tokens.size() - 1, tokens.get(tokens.size() - 1) + character);
            } else {
                tokens.add(character);
            }
            previous = cp;
        }
        return tokens;
    }

    /** A date such as 2023年12月23日 stays on one line. */
    private static boolean inDate(int previous, int cp) {
        boolean digit = cp >= '0' && cp <= '9';
        boolean previousDigit = previous >= '0' && previous <= '9';
        return previousDigit && "年月日".indexOf(cp) >= 0 || digit && "年月".indexOf(previous) >= 0;
    }

    private static boolean isWordChar(int cp) {
        return cp < 0x80 && (Character.isLetterOrDigit(cp) || cp == '*' || cp == '-' || cp == '/');
    }

    static byte[] readClasspathResource(String resource) {
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
