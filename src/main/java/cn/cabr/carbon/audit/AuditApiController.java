package cn.cabr.carbon.audit;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit log as JSON, with the page's filter: without {@code page} every matching entry (the export, up to
 * {@link AuditSearch#MAX_EXPORT}); with it one page. A bad filter is a 400 with a Chinese message. GET only.
 */
@RestController
class AuditApiController {

    private final AuditSearch search;

    AuditApiController(AuditSearch search) {
        this.search = search;
    }

    @GetMapping("/api/manager/audit")
    AuditSearch.Result entries(@RequestParam(required = false) String candidate,
            @RequestParam(required = false) String action, @RequestParam(required = false) String actor,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) Integer page, @RequestParam(defaultValue = "50") int size) {
        AuditFilter filter = AuditFilter.parse(candidate, action, actor, from, to);
        if (page == null) {
            var all = search.export(filter);
            return new AuditSearch.Result(all.size(), 0, all.size(), 1, all);
        }
        return search.search(filter, page, size);
    }
}
