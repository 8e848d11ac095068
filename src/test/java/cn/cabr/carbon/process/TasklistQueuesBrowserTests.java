package cn.cabr.carbon.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

import cn.cabr.carbon.support.BrowserTest;
import cn.cabr.carbon.support.IntegrationTest;

/**
 * A reviewer signs in to the real Tasklist in headless Chromium and finds the review queue with every review task
 * waiting for reviewers (the ones seeded here among them), each with its due date; the adjudication queue is not
 * theirs. Selectors are Tasklist's CSS classes and the queues' own Chinese names (the Tasklist labels may be
 * translated).
 */
@IntegrationTest
class TasklistQueuesBrowserTests extends BrowserTest {

    static final int SEEDED = 2;

    @Autowired
    TaskService taskService;

    @Test
    void aReviewerSeesTheReviewQueueWithTheRightCountAndDueDates() {
        long before = reviewTasks();
        var session = fixtures.newSession().getCode();
        for (int i = 0; i < SEEDED; i++) {
            fixtures.submittedApplication(fixtures.candidate("队列考生" + "甲乙".charAt(i)), session);
        }
        long expected = reviewTasks();
        assertThat(expected).isEqualTo(before + SEEDED);

        browser.login("reviewer", fixtures.password());
        browser.open("/camunda/app/tasklist/default/");
        WebElement queue = browser.clickable(By.xpath("//*[contains(@class,'task-filters')]//h4[contains(@class,'name')]"
                + "/a[contains(normalize-space(.), '" + TasklistFilters.REVIEW + "')]"));
        List<String> queues = browser.driver().findElements(By.cssSelector(".task-filters h4.name a")).stream()
                .map(WebElement::getText).toList();
        assertThat(queues).anyMatch(name -> name.contains(TasklistFilters.OVERDUE))
                .noneMatch(name -> name.contains(TasklistFilters.ADJUDICATION));
        browser.click(queue);
        browser.waiting().until(d -> String.valueOf(expected).equals(
                queue.findElement(By.cssSelector("span.counter")).getText().strip()));

        List<WebElement> cards = browser.driver().findElements(By.cssSelector(".tasks-list li.task"));
        assertThat(cards).hasSize((int) Math.min(expected, 15));
        browser.waiting().until(d -> d.findElements(By.cssSelector(".tasks-list li.task .due-date")).size() == cards.size());
        browser.screenshot("tasklist-review-queue");

        // the task view shows the due date too (Tasklist's due-date field, filled: no "set due date" link)
        browser.click(cards.get(0).findElement(By.cssSelector(".clickable")));
        browser.visible(By.cssSelector("ul.dates .due-date span[am-time-ago]"));
    }

    private long reviewTasks() {
        return taskService.createTaskQuery().taskDefinitionKey("Task_ReviewDocuments").taskCandidateUser("reviewer")
                .includeAssignedTasks().count();
    }
}
