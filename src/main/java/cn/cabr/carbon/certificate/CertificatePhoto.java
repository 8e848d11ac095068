package cn.cabr.carbon.certificate;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;

import javax.imageio.ImageIO;

/**
 * The candidate's application photo prepared for the certificate: decoded, flattened onto white (a PNG's
 * transparency would otherwise need a soft mask) and scaled down to fit the photo frame at about 300 dpi, so the
 * JPEG embedded in the PDF stays small whatever was uploaded (up to 5 MB).
 *
 * <p>The photo is personal data: neither its bytes nor anything derived from them is ever logged or put into an
 * exception message.
 */
final class CertificatePhoto {

    /** 2-inch photo frame (35 × 49 mm) at 300 dpi. */
    static final int MAX_WIDTH = 413;
    static final int MAX_HEIGHT = 579;

    private CertificatePhoto() {
    }

    static BufferedImage prepare(byte[] imageBytes) {
        BufferedImage source;
        try {
            source = ImageIO.read(new ByteArrayInputStream(imageBytes));
        } catch (IOException | RuntimeException e) {
            throw new CertificateRenderingException("The application photo could not be decoded as an image");
        }
        if (source == null || source.getWidth() < 1 || source.getHeight() < 1) {
            throw new CertificateRenderingException("The application photo is not a readable JPEG or PNG image");
        }
        double scale = Math.min(1.0, Math.min((double) MAX_WIDTH / source.getWidth(),
                (double) MAX_HEIGHT / source.getHeight()));
        int width = Math.max(1, (int) Math.round(source.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(source.getHeight() * scale));
        BufferedImage image = source;
        // halve in steps first: a single bilinear step from a large photo down to a few hundred pixels aliases
        while (image.getWidth() / 2 >= width && image.getHeight() / 2 >= height) {
            image = draw(image, image.getWidth() / 2, image.getHeight() / 2);
        }
        return draw(image, width, height);
    }

    private static BufferedImage draw(BufferedImage source, int width, int height) {
        BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return target;
    }
}
