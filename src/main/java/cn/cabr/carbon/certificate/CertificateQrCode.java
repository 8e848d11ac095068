package cn.cabr.carbon.certificate;

import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * The QR code printed on a certificate (ZXing): the modules only, one bit each, drawn by the renderer as vector
 * squares, so it stays sharp at any zoom and adds a few hundred bytes to the PDF. Error correction level M (15 %)
 * survives a crease or a smudge on a printed copy.
 */
final class CertificateQrCode {

    private CertificateQrCode() {
    }

    static BitMatrix encode(String text) {
        try {
            // width and height 0: one pixel per module; no margin (the renderer keeps white space around it)
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                    EncodeHintType.CHARACTER_SET, "UTF-8",
                    EncodeHintType.MARGIN, 0));
        } catch (WriterException e) {
            throw new CertificateRenderingException("Could not encode the verification URL as a QR code", e);
        }
    }
}
