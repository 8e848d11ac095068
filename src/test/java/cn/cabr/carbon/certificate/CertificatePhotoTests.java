package cn.cabr.carbon.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class CertificatePhotoTests {

    @Test
    void aLargePhotoIsScaledDownToTheFrameKeepingItsProportions() throws IOException {
        BufferedImage photo = CertificatePhoto.prepare(CertificatePdfRendererTests.png(
                CertificatePdfChecks.photo(1000, 1400, 3)));

        assertThat(photo.getWidth()).isEqualTo(CertificatePhoto.MAX_WIDTH);
        assertThat(photo.getHeight()).isLessThanOrEqualTo(CertificatePhoto.MAX_HEIGHT)
                .isCloseTo(Math.round(1400 * (CertificatePhoto.MAX_WIDTH / 1000.0f)), org.assertj.core.data.Offset.offset(1));
    }

    @Test
    void aSmallPhotoIsNotEnlarged() throws IOException {
        BufferedImage photo = CertificatePhoto.prepare(CertificatePdfRendererTests.png(
                CertificatePdfChecks.photo(120, 168, 4)));

        assertThat(photo.getWidth()).isEqualTo(120);
        assertThat(photo.getHeight()).isEqualTo(168);
    }

    @Test
    void transparencyBecomesWhite() throws IOException {
        BufferedImage transparent = new BufferedImage(200, 280, BufferedImage.TYPE_INT_ARGB);
        BufferedImage photo = CertificatePhoto.prepare(CertificatePdfRendererTests.png(transparent));

        assertThat(photo.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertThat(new Color(photo.getRGB(100, 140))).isEqualTo(Color.WHITE);
    }

    @Test
    void bytesThatAreNoImageFailWithoutQuotingThem() {
        byte[] notAnImage = "身份证号 110101199001011234".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> CertificatePhoto.prepare(notAnImage))
                .isInstanceOf(CertificateRenderingException.class)
                .hasMessageContaining("photo")
                .hasMessageNotContaining("110101");
    }
}
