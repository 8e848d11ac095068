package cn.cabr.carbon.exam;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cabr.carbon.shared.BusinessException;

/**
 * The question bank. Imports check every row first and import nothing when any row is wrong. A changed question
 * becomes a new version (the previous active one is retired), an unchanged one is left alone.
 */
@Service
@Transactional
public class QuestionBank {

    private static final int MAX_PROBLEMS_SHOWN = 30;

    public record ImportReport(int rows, int created, int newVersions, int statusChanged, int unchanged) {
    }

    public record PoolCount(QuestionType type, Subject subject, int module, int points, long active) {
    }

    static final Duration POOL_TTL = Duration.ofSeconds(30);

    private record CachedPool(List<Question> questions, Instant loadedAt) {
    }

    private final QuestionRepository questions;
    private final Clock clock;
    private final AtomicReference<CachedPool> pool = new AtomicReference<>();
    private final Map<Long, Question> versions = new java.util.concurrent.ConcurrentHashMap<>();

    QuestionBank(QuestionRepository questions, Clock clock) {
        this.questions = questions;
        this.clock = clock;
    }

    public ImportReport importRows(List<BankRow> rows) {
        if (rows.isEmpty()) {
            throw BusinessException.invalid("BANK_FILE_EMPTY", "文件中没有题目");
        }
        List<String> problems = new ArrayList<>();
        List<QuestionContent> contents = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (BankRow row : rows) {
            BankRow.Parsed parsed = row.parse();
            List<String> rowProblems = new ArrayList<>(parsed.problems());
            if (parsed.content() != null && !codes.add(parsed.content().code())) {
                rowProblems.add("编号“" + parsed.content().code() + "”在文件中重复");
            }
            if (rowProblems.isEmpty()) {
                contents.add(parsed.content());
            } else {
                problems.add("第 " + row.rowNumber() + " 行：" + String.join("；", rowProblems));
            }
        }
        if (!problems.isEmpty()) {
            List<String> shown = problems.size() > MAX_PROBLEMS_SHOWN ? problems.subList(0, MAX_PROBLEMS_SHOWN) : problems;
            throw BusinessException.invalid("BANK_IMPORT_REJECTED", "导入未执行（共 " + problems.size()
                    + " 行有误，所有题目均未导入）：" + String.join("。", shown) + (problems.size() > shown.size() ? "。……" : ""));
        }
        pool.set(null);
        int created = 0;
        int newVersions = 0;
        int statusChanged = 0;
        for (QuestionContent content : contents) {
            Optional<Question> latest = questions.findFirstByCodeOrderByVersionDesc(content.code());
            if (latest.isEmpty()) {
                questions.save(new Question(content, 1, clock.instant()));
                created++;
            } else if (!latest.get().content().sameWording(content)) {
                if (latest.get().getStatus() == QuestionStatus.ACTIVE && content.status() == QuestionStatus.ACTIVE) {
                    questions.changeStatus(latest.get().getId(), QuestionStatus.RETIRED.name());
                }
                questions.save(new Question(content, latest.get().getVersion() + 1, clock.instant()));
                newVersions++;
            } else if (latest.get().getStatus() != content.status()) {
                questions.changeStatus(latest.get().getId(), content.status().name());
                statusChanged++;
            }
        }
        return new ImportReport(rows.size(), created, newVersions, statusChanged,
                contents.size() - created - newVersions - statusChanged);
    }

    /** The latest version of every question, for export and editing. */
    @Transactional(readOnly = true)
    public List<Question> latestVersions() {
        Map<String, Question> latest = new TreeMap<>();
        for (Question q : questions.findAllByOrderByCodeAscVersionAsc()) {
            latest.put(q.getCode(), q);
        }
        return List.copyOf(latest.values());
    }

    @Transactional(readOnly = true)
    public List<Question> active() {
        return questions.findByStatusOrderByCodeAscVersionAsc(QuestionStatus.ACTIVE);
    }

    /**
     * The active questions papers are drawn from, kept in memory for {@link #POOL_TTL}: when a whole session starts
     * at once, thousands of papers are drawn from the same pool within a minute. An import on this node refreshes
     * it at once; another node sees the import within the TTL.
     */
    @Transactional(readOnly = true)
    public List<Question> drawingPool() {
        CachedPool cached = pool.get();
        if (cached == null || clock.instant().isAfter(cached.loadedAt().plus(POOL_TTL))) {
            cached = new CachedPool(active(), clock.instant());
            pool.set(cached);
        }
        return cached.questions();
    }

    @Transactional(readOnly = true)
    public long activeCount(QuestionType type, Subject subject, int module, int points) {
        return questions.countByQuestionTypeAndSubjectAndSyllabusModuleAndPointsAndStatus(type, subject, module, points,
                QuestionStatus.ACTIVE);
    }

    /**
     * A question version by id, from memory after the first read. Versions never change their wording, so papers
     * may read them from here; their status (which may change) is not read through this.
     */
    @Transactional(readOnly = true)
    public Question version(long id) {
        Question cached = versions.get(id);
        if (cached == null) {
            cached = questions.findById(id).orElseThrow(() -> new IllegalStateException("No question version " + id));
            versions.put(id, cached);
        }
        return cached;
    }

    @Transactional(readOnly = true)
    public boolean contains(String code) {
        return questions.findFirstByCodeOrderByVersionDesc(code).isPresent();
    }

    /** How many active items each cell of type, subject, module and points holds: what blueprints can draw on. */
    @Transactional(readOnly = true)
    public List<PoolCount> pool() {
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, Question> examples = new TreeMap<>();
        for (Question q : active()) {
            String key = q.getQuestionType().ordinal() + "|" + q.getSubject() + "|" + q.getSyllabusModule() + "|"
                    + q.getPoints();
            counts.computeIfAbsent(key, k -> new long[1])[0]++;
            examples.putIfAbsent(key, q);
        }
        return counts.entrySet().stream().map(e -> {
            Question q = examples.get(e.getKey());
            return new PoolCount(q.getQuestionType(), q.getSubject(), q.getSyllabusModule(), q.getPoints(), e.getValue()[0]);
        }).toList();
    }
}
