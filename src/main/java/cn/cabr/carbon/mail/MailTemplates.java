package cn.cabr.carbon.mail;

import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Plain-text mail bodies from Thymeleaf TEXT templates, {@code templates/mail/<name>.txt} (UTF-8), one per message
 * kind; a kind without a template of its own uses {@code default.txt}.
 */
@Component
public class MailTemplates {

    static final String PREFIX = "templates/mail/";
    static final String SUFFIX = ".txt";
    static final String FALLBACK = "default";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");

    private final SpringTemplateEngine engine = new SpringTemplateEngine();

    MailTemplates() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix(PREFIX);
        resolver.setSuffix(SUFFIX);
        resolver.setTemplateMode(TemplateMode.TEXT);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        engine.setTemplateResolver(resolver);
    }

    /** The template of that name, or the fallback when it has none. */
    public String render(String name, Map<String, Object> variables) {
        return engine.process(exists(name) ? name : FALLBACK, new Context(java.util.Locale.SIMPLIFIED_CHINESE, variables));
    }

    static boolean exists(String name) {
        return name != null && NAME.matcher(name).matches()
                && MailTemplates.class.getClassLoader().getResource(PREFIX + name + SUFFIX) != null;
    }
}
