package cn.cabr.carbon.process;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.camunda.spin.json.SpinJsonNode;

import cn.cabr.carbon.shared.BusinessException;

/** Reading values that Camunda Forms submit: a checklist arrives as a JSON array, a number as Long or Double. */
final class TaskForms {

    private TaskForms() {
    }

    static List<String> stringList(Object value) {
        List<String> values = new ArrayList<>();
        if (value instanceof SpinJsonNode json && json.isArray()) {
            json.elements().forEach(e -> values.add(e.isString() ? e.stringValue() : e.toString()));
        } else if (value instanceof Collection<?> collection) {
            collection.forEach(v -> values.add(String.valueOf(v)));
        } else if (value instanceof String s && !s.isBlank()) {
            for (String part : s.split(",")) {
                values.add(part.strip());
            }
        }
        return values;
    }

    static Integer wholeNumber(Object value) {
        return wholeNumber(value, "得分");
    }

    /** A whole number a form submitted (blank is null); anything else is refused naming the field. */
    static Integer wholeNumber(Object value, String label) {
        if (value == null || value instanceof String blank && blank.isBlank()) {
            return null;
        }
        if (value instanceof Number n) {
            double d = n.doubleValue();
            if (d != Math.rint(d)) {
                throw BusinessException.invalid("SCORE_NOT_WHOLE", label + "须为整数");
            }
            return (int) d;
        }
        try {
            return Integer.valueOf(value.toString().strip());
        } catch (NumberFormatException e) {
            throw BusinessException.invalid("SCORE_NOT_A_NUMBER", label + "须为整数：" + value);
        }
    }

    static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
