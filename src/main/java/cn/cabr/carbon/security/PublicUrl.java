package cn.cabr.carbon.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The address people reach the application at, for links in e-mails. Configured (PUBLIC_URL), never taken from
 * the request: a forged Host header would otherwise send a victim's reset link to someone else's site.
 */
@Component
public class PublicUrl {

    private final String configured;
    private final Environment environment;

    PublicUrl(@Value("${certification.public-url:}") String configured, Environment environment) {
        this.configured = StringUtils.hasText(configured) ? configured.strip().replaceAll("/+$", "") : null;
        this.environment = environment;
    }

    /** The absolute URL of a path of this application; {@code http://localhost:<port>} unless configured. */
    public String of(String path) {
        String base = configured != null ? configured
                : "http://localhost:" + environment.getProperty("local.server.port",
                        environment.getProperty("server.port", "8080"));
        return base + path;
    }
}
