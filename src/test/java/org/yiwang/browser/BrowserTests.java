package org.yiwang.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the end-to-end screen tests: the whole application on a random port (with its own
 * throw-away embedded database and the demo data), one headless Debian Chromium per test class in
 * {@link #browser}, and on any failure the page's URL and source in the report plus a screenshot
 * {@code target/screenshots/failed-<class>-<test>.png}.
 *
 * <pre>{@code
 * class DispatcherJourneyTests extends BrowserTests {
 *     @Test
 *     void dispatcherFilesAReport() {
 *         browser.signIn("dispatcher").open("/console/queue");
 *         browser.screenshots("dispatcher-queue");   // -phone.png and -desktop.png
 *     }
 * }
 * }</pre>
 *
 * Test classes extending this share one Spring context (same configuration), so each test creates
 * the orders it needs rather than relying on counts. Signing in clears the browser's cookies first.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(BrowserFailureReport.class)
public abstract class BrowserTests {

    @LocalServerPort
    protected int port;

    protected Browser browser;

    @BeforeAll
    void startBrowser() {
        browser = Browser.start("http://localhost:" + port);
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    /** The running application's base URL, e.g. for plain HTTP calls beside the browser. */
    protected String baseUrl() {
        return "http://localhost:" + port;
    }
}
