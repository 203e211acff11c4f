package org.yiwang.platform;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints one clear sentence instead of a stack trace when a second instance meets a busy data folder. */
class DataFolderInUseFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedDatabase.DataFolderInUseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedDatabase.DataFolderInUseException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Stop the other Yiwang process, or give this one its own folder: --yiwang.data-dir=./data2 "
                        + "(or set YIWANG_DB_URL to use an external PostgreSQL).", cause);
    }
}
