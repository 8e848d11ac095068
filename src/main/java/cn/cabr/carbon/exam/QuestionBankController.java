package cn.cabr.carbon.exam;

import java.io.IOException;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.cabr.carbon.shared.FileResponses;

/** Managers keep the question bank as an .xlsx workbook: export, edit, import. */
@RestController
class QuestionBankController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final QuestionBank bank;

    QuestionBankController(QuestionBank bank) {
        this.bank = bank;
    }

    record PoolView(QuestionType type, String typeLabel, Subject subject, String subjectLabel, int module,
            String moduleLabel, int points, long active) {
    }

    @PostMapping(path = "/api/manager/question-bank", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    QuestionBank.ImportReport importWorkbook(@RequestParam("file") MultipartFile file) throws IOException {
        return bank.importRows(QuestionWorkbook.read(file.getBytes()));
    }

    @GetMapping("/api/manager/question-bank.xlsx")
    ResponseEntity<byte[]> export() {
        return FileResponses.attachment("题库.xlsx", XLSX, QuestionWorkbook.write(bank.latestVersions()));
    }

    /** What blueprints can draw on: active items per type, subject, module and points. */
    @GetMapping("/api/manager/question-bank/pool")
    List<PoolView> pool() {
        return bank.pool().stream().map(p -> new PoolView(p.type(), p.type().label(), p.subject(), p.subject().label(),
                p.module(), SyllabusModule.label(p.module()), p.points(), p.active())).toList();
    }
}
