package cn.cabr.carbon.exam;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The original sample bank shipped with the project (src/main/resources/question-bank/*.json, written for this
 * project in Chinese), imported through the same checks as an .xlsx file. Loaded by the demo data.
 */
@Component
public class SampleBank {

    private final QuestionBank bank;
    private final ObjectMapper json = new ObjectMapper();

    SampleBank(QuestionBank bank) {
        this.bank = bank;
    }

    /**
     * Imports the sample questions the bank does not hold yet. Questions already there are left alone, so a
     * manager's edits to a sample question (its later versions) survive every restart.
     */
    public QuestionBank.ImportReport load() {
        List<BankRow> missing = rows().stream().filter(row -> !bank.contains(row.code())).toList();
        return missing.isEmpty() ? new QuestionBank.ImportReport(0, 0, 0, 0, 0) : bank.importRows(missing);
    }

    List<BankRow> rows() {
        List<BankRow> rows = new ArrayList<>();
        try {
            for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath*:question-bank/*.json")) {
                try (InputStream in = file.getInputStream()) {
                    for (JsonNode item : json.readTree(in)) {
                        List<String> options = new ArrayList<>();
                        item.path("options").forEach(o -> options.add(o.path("text").asText()));
                        rows.add(new BankRow(rows.size() + 1, text(item, "code"), text(item, "type"), text(item, "subject"),
                                text(item, "module"), text(item, "difficulty"), text(item, "points"), text(item, "stem"),
                                options, text(item, "answer"), text(item, "reference"), text(item, "rubric"), "ACTIVE"));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The sample question bank cannot be read", e);
        }
        return rows;
    }

    private static String text(JsonNode item, String field) {
        JsonNode value = item.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }
}
