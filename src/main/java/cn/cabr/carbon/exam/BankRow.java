package cn.cabr.carbon.exam;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * One row of a question-bank file as people write it (the .xlsx columns, in Chinese or as codes), and its
 * checking: {@link #parse()} gives the content or every problem of the row in words a bank editor understands.
 */
public record BankRow(int rowNumber, String code, String type, String subject, String module, String difficulty,
        String points, String stem, List<String> options, String answer, String reference, String rubric,
        String status) {

    public static final List<String> OPTION_LABELS = List.of("A", "B", "C", "D", "E");
    private static final Map<String, QuestionType> TYPES = Map.of(
            "SINGLE_CHOICE", QuestionType.SINGLE_CHOICE, "单项选择题", QuestionType.SINGLE_CHOICE, "单选题", QuestionType.SINGLE_CHOICE,
            "MULTIPLE_CHOICE", QuestionType.MULTIPLE_CHOICE, "多项选择题", QuestionType.MULTIPLE_CHOICE, "多选题", QuestionType.MULTIPLE_CHOICE,
            "TRUE_FALSE", QuestionType.TRUE_FALSE, "判断题", QuestionType.TRUE_FALSE,
            "SHORT_ANSWER", QuestionType.SHORT_ANSWER, "简答题", QuestionType.SHORT_ANSWER);
    private static final Map<String, Subject> SUBJECTS = Map.of("THEORY", Subject.THEORY, "碳排放管理理论", Subject.THEORY,
            "理论", Subject.THEORY, "PRACTICE", Subject.PRACTICE, "碳排放管理实务", Subject.PRACTICE, "实务", Subject.PRACTICE);
    private static final Map<String, Difficulty> DIFFICULTIES = Map.of("EASY", Difficulty.EASY, "容易", Difficulty.EASY,
            "MEDIUM", Difficulty.MEDIUM, "中等", Difficulty.MEDIUM, "HARD", Difficulty.HARD, "较难", Difficulty.HARD,
            "难", Difficulty.HARD);
    private static final Map<String, QuestionStatus> STATUSES = Map.of("DRAFT", QuestionStatus.DRAFT, "草稿", QuestionStatus.DRAFT,
            "ACTIVE", QuestionStatus.ACTIVE, "启用", QuestionStatus.ACTIVE, "RETIRED", QuestionStatus.RETIRED,
            "停用", QuestionStatus.RETIRED);
    private static final Map<String, String> TRUE_FALSE = Map.of("TRUE", "TRUE", "正确", "TRUE", "对", "TRUE", "T", "TRUE",
            "FALSE", "FALSE", "错误", "FALSE", "错", "FALSE", "F", "FALSE");

    /** The parsed row, or its problems. */
    public record Parsed(QuestionContent content, List<String> problems) {
    }

    public Parsed parse() {
        List<String> problems = new ArrayList<>();
        String cleanCode = text(code);
        if (cleanCode == null) {
            problems.add("缺少编号");
        } else if (!cleanCode.matches("[A-Za-z0-9-]{2,20}")) {
            problems.add("编号“" + cleanCode + "”只能包含字母、数字和连字符（2–20 位）");
        }
        QuestionType questionType = lookup(TYPES, type, "题型", "单项选择题、多项选择题、判断题、简答题", problems);
        Subject questionSubject = lookup(SUBJECTS, subject, "科目", "碳排放管理理论、碳排放管理实务", problems);
        Difficulty questionDifficulty = lookup(DIFFICULTIES, difficulty, "难度", "容易、中等、较难", problems);
        QuestionStatus questionStatus = text(status) == null ? QuestionStatus.ACTIVE
                : lookup(STATUSES, status, "状态", "草稿、启用、停用", problems);
        Integer moduleNumber = integer(module, "模块", problems);
        if (moduleNumber != null && !SyllabusModule.exists(moduleNumber)) {
            problems.add("模块应为 1–5（当前为 " + moduleNumber + "）");
        }
        Integer pointsNumber = integer(points, "分值", problems);
        if (pointsNumber != null && (pointsNumber < 1 || pointsNumber > 100)) {
            problems.add("分值应为 1–100 的整数");
        }
        String cleanStem = text(stem);
        if (cleanStem == null) {
            problems.add("缺少题干");
        } else if (cleanStem.length() > 2000) {
            problems.add("题干超过 2000 字");
        }
        List<Question.Option> parsedOptions = options(problems);
        String key = null;
        String cleanReference = text(reference);
        String cleanRubric = text(rubric);
        if (questionType != null) {
            key = checkAgainstType(questionType, parsedOptions, cleanReference, cleanRubric, problems);
        }
        if (!problems.isEmpty()) {
            return new Parsed(null, problems);
        }
        return new Parsed(new QuestionContent(cleanCode, questionType, questionSubject, moduleNumber, questionDifficulty,
                pointsNumber, cleanStem, parsedOptions, key, cleanReference, cleanRubric, questionStatus), List.of());
    }

    private List<Question.Option> options(List<String> problems) {
        List<Question.Option> parsed = new ArrayList<>();
        boolean gap = false;
        for (int i = 0; i < options.size() && i < OPTION_LABELS.size(); i++) {
            String option = text(options.get(i));
            if (option == null) {
                gap = true;
            } else if (gap) {
                problems.add("选项须从 A 开始连续填写（选项" + OPTION_LABELS.get(i) + "之前有空缺）");
                return parsed;
            } else if (option.length() > 500) {
                problems.add("选项" + OPTION_LABELS.get(i) + "超过 500 字");
            } else {
                parsed.add(new Question.Option(OPTION_LABELS.get(i), option));
            }
        }
        return parsed;
    }

    private String checkAgainstType(QuestionType questionType, List<Question.Option> parsedOptions, String cleanReference,
            String cleanRubric, List<String> problems) {
        String raw = text(answer);
        List<String> labels = parsedOptions.stream().map(Question.Option::label).toList();
        switch (questionType) {
            case SINGLE_CHOICE, MULTIPLE_CHOICE -> {
                if (parsedOptions.size() < 2) {
                    problems.add(questionType.label() + "至少需要 2 个选项");
                    return null;
                }
                if (raw == null) {
                    problems.add("缺少答案");
                    return null;
                }
                TreeSet<String> chosen = new TreeSet<>();
                for (String part : raw.toUpperCase(Locale.ROOT).split("[,，、\\s]+|(?<=[A-E])(?=[A-E])")) {
                    if (!part.isBlank()) {
                        chosen.add(part.strip());
                    }
                }
                if (!labels.containsAll(chosen) || chosen.isEmpty()) {
                    problems.add("答案“" + raw + "”不在选项 " + String.join("、", labels) + " 之中");
                    return null;
                }
                if (questionType == QuestionType.SINGLE_CHOICE && chosen.size() != 1) {
                    problems.add("单项选择题只能有一个答案（当前为“" + raw + "”）");
                    return null;
                }
                if (questionType == QuestionType.MULTIPLE_CHOICE && chosen.size() < 2) {
                    problems.add("多项选择题至少有两个正确选项（当前为“" + raw + "”）");
                    return null;
                }
                return String.join(",", chosen);
            }
            case TRUE_FALSE -> {
                if (!parsedOptions.isEmpty()) {
                    problems.add("判断题不填选项");
                }
                String key = raw == null ? null : TRUE_FALSE.get(raw.toUpperCase(Locale.ROOT));
                if (key == null) {
                    problems.add("判断题答案应为“正确”或“错误”（当前为“" + (raw == null ? "" : raw) + "”）");
                }
                return key;
            }
            case SHORT_ANSWER -> {
                if (!parsedOptions.isEmpty()) {
                    problems.add("简答题不填选项");
                }
                if (raw != null) {
                    problems.add("简答题不填答案，请把参考答案写在“参考答案”列");
                }
                if (cleanReference == null) {
                    problems.add("简答题缺少参考答案");
                }
                if (cleanRubric == null) {
                    problems.add("简答题缺少评分要点");
                }
                return null;
            }
        }
        return null;
    }

    private static <T> T lookup(Map<String, T> values, String raw, String column, String allowed, List<String> problems) {
        String clean = text(raw);
        if (clean == null) {
            problems.add("缺少" + column);
            return null;
        }
        T value = values.get(clean.toUpperCase(Locale.ROOT));
        if (value == null) {
            value = values.get(clean);
        }
        if (value == null) {
            problems.add(column + "“" + clean + "”无效，应为：" + allowed);
        }
        return value;
    }

    private static Integer integer(String raw, String column, List<String> problems) {
        String clean = text(raw);
        if (clean == null) {
            problems.add("缺少" + column);
            return null;
        }
        try {
            return Integer.valueOf(clean.endsWith(".0") ? clean.substring(0, clean.length() - 2) : clean);
        } catch (NumberFormatException e) {
            problems.add(column + "“" + clean + "”不是整数");
            return null;
        }
    }

    static String text(String raw) {
        return raw == null || raw.isBlank() ? null : raw.strip();
    }

    /** A row from explicit values, for the sample bank and for tests. */
    public static BankRow of(int rowNumber, QuestionContent c) {
        List<String> texts = new ArrayList<>(Arrays.asList(new String[OPTION_LABELS.size()]));
        for (int i = 0; i < c.options().size(); i++) {
            texts.set(i, c.options().get(i).text());
        }
        return new BankRow(rowNumber, c.code(), c.type().name(), c.subject().name(), String.valueOf(c.module()),
                c.difficulty().name(), String.valueOf(c.points()), c.stem(), texts, c.answerKey(), c.referenceAnswer(),
                c.rubric(), c.status().name());
    }
}
