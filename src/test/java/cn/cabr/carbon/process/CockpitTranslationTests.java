package cn.cabr.carbon.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Cockpit's Simplified Chinese labels ({@code app/cockpit/locales/zh.json}, ours) against the English ones the
 * Camunda 7.24 webjar ships: every key translated, nothing empty, and what the webapp substitutes or renders kept
 * intact ({@code {{ }}} placeholders and HTML tags), so no screen shows a raw key or loses a value or a link.
 */
class CockpitTranslationTests {

    static final String LOCALES = "META-INF/resources/webjars/camunda/app/cockpit/locales/";
    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{.*?\\}\\}");
    /** Real HTML tags only: "<null>", "<version>" or "<Operation>" are shown as text and may be translated. */
    static final Pattern TAG = Pattern.compile("</?\\s*(a|b|i|em|strong|br|p|span|code|ul|ol|li|div|small|pre)\\b",
            Pattern.CASE_INSENSITIVE);

    final ObjectMapper json = new ObjectMapper();

    @Test
    void everyEnglishCockpitLabelHasAChineseTranslationThatKeepsPlaceholdersAndTags() throws IOException {
        JsonNode english = read(LOCALES + "en.json").get("labels");
        JsonNode chinese = read(LOCALES + "zh.json").get("labels");
        assertThat(english.size()).as("the webjar's English labels").isGreaterThan(2000);

        List<String> problems = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = english.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> label = it.next();
            String key = label.getKey();
            String en = label.getValue().asText();
            JsonNode zhNode = chinese.get(key);
            if (zhNode == null || !zhNode.isTextual() || zhNode.asText().isEmpty()) {
                problems.add(key + ": missing or empty");
                continue;
            }
            String zh = zhNode.asText();
            if (!found(PLACEHOLDER, en).equals(found(PLACEHOLDER, zh))) {
                problems.add(key + ": placeholders " + found(PLACEHOLDER, en) + " became " + found(PLACEHOLDER, zh));
            }
            if (!found(TAG, en).equals(found(TAG, zh))) {
                problems.add(key + ": HTML tags " + found(TAG, en) + " became " + found(TAG, zh));
            }
        }
        assertThat(problems).isEmpty();
        assertThat(chinese.size()).as("no labels beyond the English ones").isEqualTo(english.size());
    }

    @Test
    void theChineseLabelsAreChineseAndUseTheGlossary() throws IOException {
        JsonNode chinese = read(LOCALES + "zh.json").get("labels");
        assertThat(chinese.get("DASHBOARD_PROCESS_DEFINITIONS").asText()).isEqualTo("流程定义");
        assertThat(chinese.get("DASHBOARD_RUNNING_PROCESS_INSTANCE").asText()).isEqualTo("运行中的流程实例");
        assertThat(chinese.get("DASHBOARD_OPEN_INCIDENTS").asText()).contains("异常事件");
        assertThat(chinese.get("PLUGIN_JOBS").asText()).isEqualTo("作业");
        assertThat(chinese.get("PLUGIN_JOB_DEFINITION_LABEL").asText()).isEqualTo("作业定义");
        assertThat(chinese.get("BATCHES_BREAD_BATCHES").asText()).isEqualTo("批处理");
        assertThat(chinese.get("PLGN_BATCH_BUSINESS_KEY").asText()).isEqualTo("业务键");
        assertThat(chinese.get("DASHBOARD_DASHBOARD").asText()).isEqualTo("仪表板");
        long withChinese = 0;
        for (JsonNode value : chinese) {
            if (value.asText().codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
                withChinese++;
            }
        }
        assertThat(withChinese).as("labels written in Chinese").isGreaterThan(chinese.size() * 9L / 10);
        JsonNode dates = read(LOCALES + "zh.json").get("dateLocales");
        assertThat(dates.get("months").get(0).asText()).isEqualTo("一月");
        assertThat(dates.get("weekdays").get(1).asText()).isEqualTo("星期一");
    }

    JsonNode read(String resource) throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return json.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text); // the webjar's file has a BOM
        }
    }

    static List<String> found(Pattern pattern, String text) {
        List<String> all = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            all.add(pattern == TAG ? m.group().toLowerCase().replaceAll("\\s", "") : m.group());
        }
        all.sort(null);
        return all;
    }
}
