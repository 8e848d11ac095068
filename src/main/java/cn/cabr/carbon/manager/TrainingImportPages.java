package cn.cabr.carbon.manager;

import java.io.IOException;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import cn.cabr.carbon.security.SignedInUser;
import cn.cabr.carbon.shared.BusinessException;
import cn.cabr.carbon.shared.FileResponses;
import cn.cabr.carbon.training.TrainingFiles;
import cn.cabr.carbon.training.TrainingHours;

/** Importing the training platform's hours (.xlsx or CSV): templates, row errors, a summary. */
@Controller
class TrainingImportPages {

    private final ManagerActions actions;

    TrainingImportPages(ManagerActions actions) {
        this.actions = actions;
    }

    @GetMapping("/manager/training")
    String page(Model model) {
        model.addAttribute("columns", TrainingHours.COLUMNS);
        model.addAttribute("labels", TrainingHours.COLUMN_LABELS);
        return "manager/training";
    }

    @GetMapping("/manager/training/template.xlsx")
    ResponseEntity<byte[]> xlsxTemplate() {
        return FileResponses.attachment("培训学时导入模板.xlsx", ExportPages.XLSX, TrainingFiles.xlsxTemplate());
    }

    @GetMapping("/manager/training/template.csv")
    ResponseEntity<byte[]> csvTemplate() {
        return FileResponses.attachment("培训学时导入模板.csv", "text/csv;charset=UTF-8", TrainingFiles.csvTemplate());
    }

    @PostMapping("/manager/training")
    String importFile(@AuthenticationPrincipal SignedInUser manager,
            @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(name = "source", required = false) String source, Model model) throws IOException {
        model.addAttribute("source", source);
        try {
            TrainingHours.ImportOutcome outcome = actions.importTrainingHours(manager.username(),
                    file == null ? null : file.getOriginalFilename(), file == null ? null : file.getBytes(), source);
            model.addAttribute("filename", file.getOriginalFilename());
            if (outcome.accepted()) {
                model.addAttribute("report", outcome.report());
            } else {
                model.addAttribute("rowErrors", outcome.errors());
            }
        } catch (BusinessException e) {
            model.addAttribute("error", e.getMessage());
        }
        return page(model);
    }
}
