package cn.cabr.carbon.certificate;

/**
 * A certificate PDF could not be produced (font missing or unreadable, PDF generation failed).
 */
public class CertificateRenderingException extends RuntimeException {

    public CertificateRenderingException(String message) {
        super(message);
    }

    public CertificateRenderingException(String message, Throwable cause) {
        super(message, cause);
    }
}
