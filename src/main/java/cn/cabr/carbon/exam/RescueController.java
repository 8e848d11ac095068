package cn.cabr.carbon.exam;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.cabr.carbon.security.SignedInUser;

/** Managers import a candidate's rescue file (made by the exam page when the network was down at the end). */
@RestController
class RescueController {

    private final Rescues rescues;

    RescueController(Rescues rescues) {
        this.rescues = rescues;
    }

    record ImportView(String importedBy, Instant importedAt, Instant fileCreatedAt, int answersInFile, int answersApplied,
            int eventsRecorded, String summary, String fileSha256) {
    }

    @PostMapping("/api/manager/sittings/{number}/rescue")
    RescueReport importFile(@AuthenticationPrincipal SignedInUser manager, @PathVariable String number,
            @RequestParam("file") MultipartFile file) throws IOException {
        return rescues.importFile(number, file.getBytes(), manager.username());
    }

    @GetMapping("/api/manager/sittings/{number}/rescue")
    List<ImportView> imports(@PathVariable String number) {
        return rescues.importsOf(number).stream().map(i -> new ImportView(i.getImportedBy(), i.getImportedAt(),
                i.getFileCreatedAt(), i.getAnswersInFile(), i.getAnswersApplied(), i.getEventsRecorded(), i.getSummary(),
                i.getFileSha256())).toList();
    }
}
