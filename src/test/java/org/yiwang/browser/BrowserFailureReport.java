package org.yiwang.browser;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * When a browser test fails, puts what the browser showed into the failure: the URL and page source
 * in the message, and a screenshot {@code target/screenshots/failed-<class>-<test>.png}.
 */
final class BrowserFailureReport implements TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler {

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        throw report(context, failure);
    }

    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        throw report(context, failure);
    }

    private static Throwable report(ExtensionContext context, Throwable failure) {
        Browser browser = context.getTestInstance()
                .filter(BrowserTests.class::isInstance)
                .map(instance -> ((BrowserTests) instance).browser)
                .orElse(null);
        if (browser == null) {
            return failure;
        }
        String name = "failed-" + context.getRequiredTestClass().getSimpleName()
                + context.getTestMethod().map(m -> "-" + m.getName()).orElse("");
        java.nio.file.Path shot = browser.failureScreenshot(name);
        AssertionError report = new AssertionError(failure.getMessage()
                + (shot == null ? "" : "\n(screenshot " + shot + ")")
                + "\n---- " + browser.describePage(), failure);
        report.setStackTrace(failure.getStackTrace());
        return report;
    }
}
