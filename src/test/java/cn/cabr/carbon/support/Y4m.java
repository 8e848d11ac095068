package cn.cabr.carbon.support;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A still picture as a short Y4M video (the format of Chromium's {@code --use-file-for-fake-video-capture}): a text
 * header, then each frame as "FRAME\n" and raw I420 planes (full-resolution Y, quarter-resolution U and V, BT.601
 * full range as "C420jpeg" says). The picture is scaled to fill the frame; Chromium plays the frames in a loop.
 */
public final class Y4m {

    private Y4m() {
    }

    public static Path write(BufferedImage picture, int width, int height, int frames, Path file) throws IOException {
        if (width % 2 != 0 || height % 2 != 0) {
            throw new IllegalArgumentException("I420 needs even dimensions");
        }
        BufferedImage frame = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = frame.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(picture, 0, 0, width, height, null);
        g.dispose();
        byte[] planes = i420(frame);
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(("YUV4MPEG2 W" + width + " H" + height + " F10:1 Ip A1:1 C420jpeg\n")
                    .getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < frames; i++) {
                out.write("FRAME\n".getBytes(StandardCharsets.US_ASCII));
                out.write(planes);
            }
        }
        return file;
    }

    static byte[] i420(BufferedImage frame) {
        int w = frame.getWidth();
        int h = frame.getHeight();
        int[] rgb = frame.getRGB(0, 0, w, h, null, 0, w);
        byte[] out = new byte[w * h * 3 / 2];
        int uBase = w * h;
        int vBase = uBase + w * h / 4;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = rgb[y * w + x];
                out[y * w + x] = clamp(0.299 * red(p) + 0.587 * green(p) + 0.114 * blue(p));
            }
        }
        for (int y = 0; y < h; y += 2) {
            for (int x = 0; x < w; x += 2) { // chroma of the 2x2 block's average colour
                double r = 0, gr = 0, b = 0;
                for (int[] d : new int[][] {{0, 0}, {1, 0}, {0, 1}, {1, 1}}) {
                    int p = rgb[(y + d[1]) * w + x + d[0]];
                    r += red(p) / 4.0;
                    gr += green(p) / 4.0;
                    b += blue(p) / 4.0;
                }
                int i = (y / 2) * (w / 2) + x / 2;
                out[uBase + i] = clamp(128 - 0.168736 * r - 0.331264 * gr + 0.5 * b);
                out[vBase + i] = clamp(128 + 0.5 * r - 0.418688 * gr - 0.081312 * b);
            }
        }
        return out;
    }

    private static int red(int p) {
        return (p >> 16) & 0xff;
    }

    private static int green(int p) {
        return (p >> 8) & 0xff;
    }

    private static int blue(int p) {
        return p & 0xff;
    }

    private static byte clamp(double v) {
        return (byte) Math.max(0, Math.min(255, Math.round(v)));
    }
}
