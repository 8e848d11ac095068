package cn.cabr.carbon.training;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.cabr.carbon.security.SignedInUser;

@RestController
class TrainingController {

    private final TrainingHours trainingHours;

    TrainingController(TrainingHours trainingHours) {
        this.trainingHours = trainingHours;
    }

    record RecordView(BigDecimal hours, String course, Instant completedAt, String source) {
    }

    record LedgerView(BigDecimal total, List<RecordView> records) {
    }

    @GetMapping("/api/training-hours")
    LedgerView mine(@AuthenticationPrincipal SignedInUser user) {
        List<RecordView> records = trainingHours.ledger(user.requireCandidateId()).stream()
                .map(r -> new RecordView(r.getHours(), r.getCourse(), r.getCompletedAt(), r.getSource())).toList();
        return new LedgerView(records.stream().map(RecordView::hours).reduce(BigDecimal.ZERO, BigDecimal::add), records);
    }

    /** Managers import the training platform's export (CSV). */
    @PostMapping(path = "/api/manager/training-records", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ImportReport importCsv(@RequestParam("file") MultipartFile file,
            @RequestParam(name = "source", defaultValue = "碳排放管理专业技术人员培训综合服务平台") String source)
            throws IOException {
        return trainingHours.importCsv(file.getBytes(), source);
    }
}
