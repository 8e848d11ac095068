package cn.cabr.carbon.support;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.springframework.beans.factory.annotation.Autowired;

/** A headless browser per test, and a screenshot of its last page under target/screenshots/. */
public abstract class BrowserTest {

    @Autowired
    protected CaseFixtures fixtures;

    protected Browser browser;

    @BeforeEach
    void openBrowser() throws Exception {
        browser = new Browser(fixtures.port(), fakeVideo(), acceptLanguages());
    }

    /** What the fake camera shows: Chromium's test pattern unless a test supplies a Y4M video. */
    protected java.nio.file.Path fakeVideo() throws Exception {
        return null;
    }

    /** The languages the browser asks for: Chinese unless a test needs another. */
    protected String acceptLanguages() {
        return "zh-CN,zh";
    }

    @AfterEach
    void closeBrowser(TestInfo test) {
        browser.screenshot(getClass().getSimpleName() + "-" + test.getTestMethod().map(m -> m.getName()).orElse("last"));
        browser.close();
    }
}
