package cn.cabr.carbon.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;

class CertificatePdfRendererTests {

    static final String URL = "https://cert.example.cn/verify/CEM-2024-T8-00123";
    static final BufferedImage PHOTO = CertificatePdfChecks.photo(CertificatePhoto.MAX_WIDTH, CertificatePhoto.MAX_HEIGHT, 1);

    private final CertificatePdfRenderer renderer = new CertificatePdfRenderer();

    @Test
    void certificateTextContainsTheCandidateAndCertificateDetails() throws IOException {
        String text = extractText(renderer.render(content("张碳峰", "2024年第一期")));

        assertThat(text)
                .contains(CertificatePdfRenderer.TITLE)
                .contains("110***********1234")
                .contains("证书编号：TPF-2024-000123")
                .contains("考试日期：2023年12月23日")
                .contains("发证日期：2024年3月20日")
                .contains("发证机构：中国碳排放管理培训中心")
                .contains("核验地址：" + URL);
        assertThat(withoutWhitespace(text))
                .contains("兹证明张碳峰（身份证号110***********1234）于2023年12月23日参加2024年第一期碳排放管理专业技术人员培训及考试")
                .contains("成绩合格，特发此证。");
    }

    @Test
    void qrCodeOnTheRenderedPageOpensTheVerificationPage() throws IOException {
        assertThat(CertificatePdfChecks.qrCode(renderer.render(content("张碳峰", "2024年第一期")))).isEqualTo(URL);
    }

    @Test
    void photoIsEmbeddedOnceAsAJpegOfAtMostThreeHundredDpi() throws IOException {
        BufferedImage large = CertificatePhoto.prepare(png(CertificatePdfChecks.photo(1200, 1680, 2)));
        byte[] pdf = renderer.render(new CertificateContent("张碳峰", "110***********1234", "TPF-2024-000123",
                "2024年第一期", LocalDate.of(2023, 12, 23), LocalDate.of(2024, 3, 20), "中国碳排放管理培训中心", URL, large));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDResources resources = document.getPage(0).getResources();
            List<PDImageXObject> images = new ArrayList<>();
            for (COSName name : resources.getXObjectNames()) {
                PDXObject object = resources.getXObject(name);
                if (object instanceof PDImageXObject image) {
                    images.add(image);
                }
            }
            assertThat(images).singleElement().satisfies(image -> {
                assertThat(image.getSuffix()).isEqualTo("jpg");
                assertThat(image.getWidth()).isEqualTo(CertificatePhoto.MAX_WIDTH);
                assertThat(image.getHeight()).isLessThanOrEqualTo(CertificatePhoto.MAX_HEIGHT);
            });
        }
        assertThat(pdf).hasSizeLessThan(300 * 1024);
    }

    @Test
    void certificateIsASingleLandscapeA4Page() throws IOException {
        try (PDDocument document = Loader.loadPDF(renderer.render(content("张碳峰", "2024年第一期")))) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            PDRectangle mediaBox = document.getPage(0).getMediaBox();
            assertThat(mediaBox.getWidth()).isGreaterThan(mediaBox.getHeight());
            assertThat(mediaBox.getWidth()).isEqualTo(PDRectangle.A4.getHeight());
            assertThat(mediaBox.getHeight()).isEqualTo(PDRectangle.A4.getWidth());
        }
    }

    @Test
    void documentInformationNamesTheCertificateAndIssuer() throws IOException {
        try (PDDocument document = Loader.loadPDF(renderer.render(content("张碳峰", "2024年第一期")))) {
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo(CertificatePdfRenderer.TITLE);
            assertThat(document.getDocumentInformation().getSubject()).isEqualTo("TPF-2024-000123");
            assertThat(document.getDocumentInformation().getAuthor()).isEqualTo("中国碳排放管理培训中心");
            assertThat(document.getDocumentInformation().getCreationDate()).isNotNull();
        }
    }

    @Test
    void fontsAreEmbeddedAsSubsets() throws IOException {
        try (PDDocument document = Loader.loadPDF(renderer.render(content("张碳峰", "2024年第一期")))) {
            PDResources resources = document.getPage(0).getResources();
            List<String> fontNames = new ArrayList<>();
            for (COSName name : resources.getFontNames()) {
                PDFont font = resources.getFont(name);
                fontNames.add(font.getName());
                assertThat(font.getName()).matches("[A-Z]{6}\\+.+");
                assertThat(font.isEmbedded()).isTrue();
                assertThat(((PDType0Font) font).getDescendantFont().getFontDescriptor().getFontFile2())
                        .as("embedded font file of %s", font.getName())
                        .isNotNull();
            }
            assertThat(fontNames).anyMatch(name -> name.endsWith("+DroidSansFallback"));
        }
    }

    @Test
    void pdfWithAPhotoIsSmall() {
        assertThat(renderer.render(content("张碳峰", "2024年第一期"))).hasSizeLessThan(300 * 1024);
    }

    @Test
    void rendererReusesItsParsedFontsWithoutCarryingGlyphsOver() throws IOException {
        byte[] first = renderer.render(content("张碳峰", "2024年第一期"));
        byte[] second = renderer.render(content("李低碳", "2024年第二期"));
        byte[] secondFromAFreshRenderer = new CertificatePdfRenderer().render(content("李低碳", "2024年第二期"));

        assertThat(extractText(first)).contains("张碳峰");
        assertThat(extractText(second)).contains("李低碳").doesNotContain("张碳峰");
        // the subset of the reused font holds this document's glyphs only: the PDF is as large as from fresh fonts
        assertThat(second.length).isCloseTo(secondFromAFreshRenderer.length, org.assertj.core.data.Offset.offset(64));
    }

    @Test
    void aFailedRenderingLeavesTheRendererUsable() throws IOException {
        assertThatThrownBy(() -> renderer.render(content("张碳峰\uD83D\uDE00", "2024年第一期")))
                .isInstanceOf(CertificateRenderingException.class);

        assertThat(extractText(renderer.render(content("李低碳", "2024年第二期")))).contains("李低碳");
    }

    @Test
    void rendersConcurrently() throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(4);
        try {
            List<Future<byte[]>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String session = "2024年第" + (i + 1) + "期";
                results.add(executor.submit(() -> renderer.render(content("张碳峰", session))));
            }
            for (int i = 0; i < results.size(); i++) {
                assertThat(withoutWhitespace(extractText(results.get(i).get()))).contains("参加2024年第" + (i + 1) + "期");
            }
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void latinCharactersInNamesAreRendered() throws IOException {
        // the Chinese font has no Latin glyphs; "·" and digits come from the Latin font
        assertThat(extractText(renderer.render(content("买买提·艾力", "2024年第一期")))).contains("买买提·艾力");
    }

    @Test
    void longSessionNameIsWrappedInsideTheBorder() throws IOException {
        String session = "2024年度第一期（北京站，线上线下同步进行，含实操考核与案例答辩环节，"
                + "ABC-DEF-20240315-Extra-Long-Identifier）";
        byte[] pdf = renderer.render(content("张碳峰", session));

        List<TextPosition> glyphs = new ArrayList<>();
        String text;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void processTextPosition(TextPosition position) {
                    glyphs.add(position);
                    super.processTextPosition(position);
                }
            };
            text = stripper.getText(document);
            float pageWidth = document.getPage(0).getMediaBox().getWidth();
            assertThat(glyphs).allSatisfy(glyph -> assertThat(glyph.getX() + glyph.getWidth())
                    .as("right edge of '%s'", glyph.getUnicode())
                    .isLessThanOrEqualTo(pageWidth - 100));
        }
        assertThat(withoutWhitespace(text)).contains("参加" + session + "碳排放管理专业技术人员培训及考试");
        assertThat(text).contains("ABC-DEF-20240315-Extra-Long-Identifier");
    }

    @Test
    void noLineStartsWithClosingPunctuation() throws IOException {
        // with this session name a plain greedy line break would fall just before closing punctuation
        String text = extractText(renderer.render(content("张碳峰", "2024年第一期碳碳碳碳碳（北京站）")));

        assertThat(text.lines()).hasSizeGreaterThan(3)
                .noneMatch(line -> line.startsWith("，") || line.startsWith("）"));
    }

    @Test
    void aDateIsNeverSplitAcrossLines() throws IOException {
        // with these lengths a plain greedy line break would fall between 2023年12 and 月23日
        List<String> lines = extractText(renderer.render(new CertificateContent("欧阳碳汇", "320***********123X",
                "CEM-2024-T8-00001", "第八期（2023年12月）", LocalDate.of(2023, 12, 23), LocalDate.of(2024, 3, 20),
                "中国碳排放管理培训中心", URL, PHOTO))).lines().map(String::strip).toList();

        assertThat(withoutWhitespace(String.join("", lines))).contains("于2023年12月23日参加第八期（2023年12月）");
        for (int i = 1; i < lines.size(); i++) {
            assertThat(lines.get(i - 1).matches(".*[0-9年月]") && lines.get(i).matches("[0-9月日].*"))
                    .as("line break between '%s' and '%s'", lines.get(i - 1), lines.get(i)).isFalse();
        }
    }

    @Test
    void blankNameIsRejected() {
        assertThatThrownBy(() -> content(" ", "2024年第一期"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("candidateName");
        assertThatThrownBy(() -> content(null, "2024年第一期"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("candidateName");
    }

    @Test
    void missingIssueDateOrPhotoIsRejected() {
        assertThatThrownBy(() -> new CertificateContent("张碳峰", "110***********1234", "TPF-2024-000123",
                "2024年第一期", LocalDate.of(2023, 12, 23), null, "中国碳排放管理培训中心", URL, PHOTO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("issuedOn");
        assertThatThrownBy(() -> new CertificateContent("张碳峰", "110***********1234", "TPF-2024-000123",
                "2024年第一期", LocalDate.of(2023, 12, 23), LocalDate.of(2024, 3, 20), "中国碳排放管理培训中心", URL, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("photo");
    }

    @Test
    void missingFontFailsWithAClearMessage() {
        assertThatThrownBy(() -> new CertificatePdfRenderer("fonts/no-such-font.ttf"))
                .isInstanceOf(CertificateRenderingException.class)
                .hasMessageContaining("fonts/no-such-font.ttf");
    }

    @Test
    void characterWithoutGlyphFailsWithACertificateRenderingException() {
        assertThatThrownBy(() -> renderer.render(content("张碳峰\uD83D\uDE00", "2024年第一期")))
                .isInstanceOf(CertificateRenderingException.class)
                .hasMessageContaining("U+1F600");
    }

    private static CertificateContent content(String name, String session) {
        return new CertificateContent(name, "110***********1234", "TPF-2024-000123", session,
                LocalDate.of(2023, 12, 23), LocalDate.of(2024, 3, 20), "中国碳排放管理培训中心", URL, PHOTO);
    }

    static byte[] png(BufferedImage image) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static String extractText(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static String withoutWhitespace(String text) {
        return text.replaceAll("\\s+", "");
    }
}
