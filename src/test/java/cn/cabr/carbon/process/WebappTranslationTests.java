package cn.cabr.carbon.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Chinese translations of Tasklist, Admin and Welcome are complete for the webapps this application embeds: every
 * label of the 7.24 webjar's English file (read from the webjar on the classpath) has a Chinese value, none is empty,
 * and each keeps the English value's {{ placeholders }}, or the UI would show a raw key, nothing, or lose a detail
 * such as the reason of an error.
 */
class WebappTranslationTests {

    private static final String APPS = "META-INF/resources/webjars/camunda/app/";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*(.*?)\\s*}}");

    private final ObjectMapper json = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "admin", "welcome"})
    void everyEnglishLabelHasAChineseOneWithTheSamePlaceholders(String app) throws IOException {
        JsonNode english = read(APPS + app + "/locales/en.json");
        JsonNode chinese = read(APPS + app + "/locales/zh.json");

        Map<String, String> missing = new TreeMap<>();
        Map<String, String> empty = new TreeMap<>();
        Map<String, String> placeholders = new TreeMap<>();
        english.get("labels").fields().forEachRemaining(label -> {
            JsonNode translated = chinese.get("labels").get(label.getKey());
            if (translated == null) {
                missing.put(label.getKey(), label.getValue().asText());
            } else if (translated.asText().isBlank()) {
                empty.put(label.getKey(), label.getValue().asText());
            } else if (!placeholders(translated.asText()).equals(placeholders(label.getValue().asText()))) {
                placeholders.put(label.getKey(), translated.asText());
            }
        });
        assertThat(missing).as("labels without a Chinese translation").isEmpty();
        assertThat(empty).as("empty Chinese labels").isEmpty();
        assertThat(placeholders).as("Chinese labels whose placeholders differ from the English ones").isEmpty();
        assertThat(chinese.get("labels").size()).as("no labels the webapps do not know")
                .isEqualTo(english.get("labels").size());
        if (english.has("dateLocales")) {
            assertThat(chinese.get("dateLocales").get("longDateFormat").get("LLL").asText()).isEqualTo("YYYY年M月D日 HH:mm");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "admin", "welcome", "cockpit"})
    void theWebappOffersChineseByDefaultWithTheCentreInTheHeader(String app) throws IOException {
        String config = text(APPS + app + "/scripts/config.js");
        // the webapps import a custom script from <app root>/app/<app>/<path>.js: one file in tasklist/ serves all four
        String languageSwitch = app.equals("tasklist") ? "scripts/language-switch" : "../tasklist/scripts/language-switch";
        assertThat(config).contains("availableLocales: [locale]", "fallbackLocale: locale",
                "const LOCALE_KEY = 'carbon.webapps.locale';", "getItem(LOCALE_KEY) === 'en' ? 'en' : 'zh'", "vendor: '中国建筑科学研究院有限公司认证中心'",
                "customScripts: ['" + languageSwitch + "']");
        assertThat(WebappTranslationTests.class.getResource("/" + APPS + app + "/scripts/language-switch.js"))
                .as("no copy of the language switch beside tasklist's").matches(copy -> app.equals("tasklist") == (copy != null));
    }

    private static Set<String> placeholders(String label) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(label);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private JsonNode read(String resource) throws IOException {
        return json.readTree(text(resource));
    }

    private static String text(String resource) throws IOException {
        try (InputStream in = WebappTranslationTests.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource + " on the classpath").isNotNull();
            // the webjar's files start with a byte-order mark that Jackson does not skip
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\uFEFF", "");
        }
    }
}
