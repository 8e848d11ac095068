package cn.cabr.carbon.audit;

import java.time.LocalDate;
import java.util.Arrays;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.cabr.carbon.shared.BusinessException;
import cn.cabr.carbon.shared.FileResponses;

/**
 * The managers' audit log page: search by candidate, action, actor and dates, newest first, 50 a page, and the
 * same filter as an .xlsx download. Read only: the log offers no edit or delete anywhere.
 */
@Controller
class AuditController {

    static final int PAGE_SIZE = 50;
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final AuditSearch search;

    AuditController(AuditSearch search) {
        this.search = search;
    }

    @GetMapping("/manager/audit")
    String page(@RequestParam(required = false) String candidate, @RequestParam(required = false) String action,
            @RequestParam(required = false) String actor, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(defaultValue = "0") String page, Model model,
            HttpServletResponse response) {
        model.addAttribute("candidate", candidate);
        model.addAttribute("action", action);
        model.addAttribute("actor", actor);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("actions", Arrays.asList(AuditAction.values()));
        try {
            AuditFilter filter = AuditFilter.parse(candidate, action, actor, from, to);
            model.addAttribute("result", search.search(filter, pageNumber(page), PAGE_SIZE));
        } catch (BusinessException e) {
            response.setStatus(400);
            model.addAttribute("error", e.getMessage());
        }
        return "manager/audit";
    }

    @GetMapping("/manager/audit.xlsx")
    ResponseEntity<byte[]> workbook(@RequestParam(required = false) String candidate,
            @RequestParam(required = false) String action, @RequestParam(required = false) String actor,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        byte[] bytes = search.workbook(AuditFilter.parse(candidate, action, actor, from, to));
        return FileResponses.attachment("审计日志-" + LocalDate.now() + ".xlsx", XLSX, bytes);
    }

    private static int pageNumber(String value) {
        try {
            return Math.max(0, Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            throw BusinessException.invalid("AUDIT_PAGE_INVALID", "页码格式不正确：" + value);
        }
    }
}
