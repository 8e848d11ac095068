package cn.cabr.carbon.training;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cabr.carbon.application.Application;
import cn.cabr.carbon.application.Applications;
import cn.cabr.carbon.application.Candidate;
import cn.cabr.carbon.application.Candidates;
import cn.cabr.carbon.session.ExamSession;
import cn.cabr.carbon.session.ExamSessions;
import cn.cabr.carbon.shared.BusinessException;

/**
 * The training-hours ledger (学时). Records come from the training platform as CSV; only hours completed up to
 * the session's cutoff count towards that session.
 */
@Service
@Transactional
public class TrainingHours {

    static final String[] HEADER = {"id_number", "hours", "completed_at", "course"};
    private static final DateTimeFormatter COMPLETED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final BigDecimal MAX_HOURS_PER_RECORD = BigDecimal.valueOf(36);
    private static final int MAX_ERRORS_SHOWN = 20;

    private final TrainingRecordRepository records;
    private final Candidates candidates;
    private final Applications applications;
    private final ExamSessions sessions;
    private final Clock clock;
    private final ZoneId zone;

    TrainingHours(TrainingRecordRepository records, Candidates candidates, Applications applications,
            ExamSessions sessions, Clock clock, ZoneId businessZone) {
        this.records = records;
        this.candidates = candidates;
        this.applications = applications;
        this.sessions = sessions;
        this.clock = clock;
        this.zone = businessZone;
    }

    /** Hours of the application's candidate that count for its session. */
    @Transactional(readOnly = true)
    public HoursCheck check(long applicationId) {
        Application application = applications.get(applicationId);
        ExamSession session = sessions.get(application.getSessionId());
        BigDecimal counted = records.sumUntil(application.getCandidateId(), session.getHoursCutoffAt());
        return new HoursCheck(counted, session.getRequiredHours(), session.getHoursCutoffAt());
    }

    @Transactional(readOnly = true)
    public List<TrainingRecord> ledger(long candidateId) {
        return records.findByCandidateIdOrderByCompletedAt(candidateId);
    }

    public TrainingRecord add(long candidateId, BigDecimal hours, String course, Instant completedAt, String source) {
        return records.save(new TrainingRecord(candidateId, hours, course, completedAt, source, "manual", clock.instant()));
    }

    /** One wrong cell or row of an import: the row as the file numbers it (header = 1), the column, the problem. */
    public record RowError(int row, String column, String message) {
    }

    /** An import's answer: the report when everything was added, or the row errors when nothing was. */
    public record ImportOutcome(ImportReport report, List<RowError> errors) {
        public boolean accepted() {
            return report != null;
        }
    }

    /** The columns of an import file and the names people read. */
    public static final List<String> COLUMNS = List.of(HEADER);
    public static final List<String> COLUMN_LABELS = List.of("身份证号", "学时", "完成时间", "课程名称");

    /**
     * Imports a CSV export of the training platform: header {@code id_number,hours,completed_at,course}, UTF-8,
     * times as {@code yyyy-MM-dd HH:mm} Beijing time. Every row is checked first; if any row is wrong nothing
     * is imported and the answer lists each wrong row by its line number.
     */
    public ImportReport importCsv(byte[] csv, String source) {
        ImportOutcome outcome = importRows(TrainingFiles.csvRows(csv), source);
        if (!outcome.accepted()) {
            List<String> errors = outcome.errors().stream().map(e -> "第 " + e.row() + " 行：" + e.message()).toList();
            List<String> shown = errors.size() > MAX_ERRORS_SHOWN ? errors.subList(0, MAX_ERRORS_SHOWN) : errors;
            throw BusinessException.invalid("IMPORT_REJECTED", "导入未执行（共 " + errors.size() + " 行有误，所有记录均未导入）："
                    + String.join("；", shown) + (errors.size() > shown.size() ? "；……" : ""));
        }
        return outcome.report();
    }

    /**
     * Imports a CSV or an Excel (.xlsx) file of the same four columns, told apart by the file's name. A file that
     * cannot be read at all is refused (BusinessException); row problems come back as errors, and then nothing is
     * added: all rows or none, in this one transaction.
     */
    public ImportOutcome importFile(String filename, byte[] content, String source) {
        String name = filename == null ? "" : filename.toLowerCase(java.util.Locale.ROOT);
        List<TrainingFiles.RawRow> rows;
        if (name.endsWith(".xlsx")) {
            rows = TrainingFiles.xlsxRows(content, zone);
        } else if (name.endsWith(".csv")) {
            rows = TrainingFiles.csvRows(content);
        } else {
            throw BusinessException.invalid("IMPORT_FILE_TYPE", "请上传 .xlsx 或 .csv 文件（可先下载模板）");
        }
        return importRows(rows, source);
    }

    private ImportOutcome importRows(List<TrainingFiles.RawRow> rows, String source) {
        List<RowError> errors = new ArrayList<>();
        List<TrainingRecord> accepted = new ArrayList<>();
        String batch = UUID.randomUUID().toString();
        Instant now = clock.instant();
        Set<Long> candidateIds = new HashSet<>();
        for (TrainingFiles.RawRow row : rows) {
            RowError problem = parseRow(row, source, batch, now, accepted, candidateIds);
            if (problem != null) {
                errors.add(problem);
            }
        }
        if (accepted.isEmpty() && errors.isEmpty()) {
            throw BusinessException.invalid("CSV_EMPTY", "文件中没有学时记录");
        }
        if (!errors.isEmpty()) {
            return new ImportOutcome(null, List.copyOf(errors));
        }
        records.saveAll(accepted);
        BigDecimal total = accepted.stream().map(TrainingRecord::getHours).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new ImportOutcome(new ImportReport(batch, accepted.size(), candidateIds.size(), total), List.of());
    }

    private RowError parseRow(TrainingFiles.RawRow row, String source, String batch, Instant now,
            List<TrainingRecord> accepted, Set<Long> candidateIds) {
        int n = row.number();
        if (row.cells().size() != HEADER.length) {
            return new RowError(n, "整行", "应有 " + HEADER.length + " 列，实际 " + row.cells().size() + " 列");
        }
        String idNumber = row.cells().get(0);
        Optional<Candidate> candidate = idNumber.isBlank() ? Optional.empty() : candidates.findByIdNumber(idNumber);
        if (candidate.isEmpty()) {
            return new RowError(n, COLUMN_LABELS.get(0), idNumber.isBlank() ? "身份证号码不能为空" : "身份证号码未对应任何已注册考生");
        }
        BigDecimal hours;
        try {
            hours = new BigDecimal(row.cells().get(1));
        } catch (NumberFormatException e) {
            return new RowError(n, COLUMN_LABELS.get(1), "学时“" + row.cells().get(1) + "”不是数字");
        }
        if (hours.signum() <= 0 || hours.compareTo(MAX_HOURS_PER_RECORD) > 0 || hours.stripTrailingZeros().scale() > 2) {
            return new RowError(n, COLUMN_LABELS.get(1), "学时须大于 0、不超过 36，最多两位小数");
        }
        Instant completedAt;
        try {
            completedAt = LocalDateTime.parse(row.cells().get(2), COMPLETED_AT).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            return new RowError(n, COLUMN_LABELS.get(2), "完成时间“" + row.cells().get(2) + "”格式应为 yyyy-MM-dd HH:mm");
        }
        if (completedAt.isAfter(clock.instant())) {
            return new RowError(n, COLUMN_LABELS.get(2), "完成时间晚于当前时间");
        }
        String course = row.cells().get(3);
        if (course.isBlank() || course.length() > 200) {
            return new RowError(n, COLUMN_LABELS.get(3), "课程名称不能为空且不超过 200 字");
        }
        candidateIds.add(candidate.get().getId());
        accepted.add(new TrainingRecord(candidate.get().getId(), hours, course, completedAt, source, batch, now));
        return null;
    }
}
