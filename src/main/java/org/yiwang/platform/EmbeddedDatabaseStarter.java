package org.yiwang.platform;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * Starts the embedded PostgreSQL on a background thread as soon as the application context exists,
 * so that the server boots while Spring builds its beans: it shortens cold start by the database's
 * start-up time. Does nothing when an external database is configured.
 */
public class EmbeddedDatabaseStarter implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String BEAN_NAME = "yiwangEmbeddedDatabaseStartup";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        YiwangProperties properties = Binder.get(context.getEnvironment())
                .bindOrCreate("yiwang", YiwangProperties.class);
        if (properties.db().isExternal() || context.getBeanFactory().containsSingleton(BEAN_NAME)) {
            return;
        }
        CompletableFuture<EmbeddedDatabase> startup = CompletableFuture.supplyAsync(() -> start(properties));
        context.getBeanFactory().registerSingleton(BEAN_NAME, new Startup(startup));
    }

    static EmbeddedDatabase start(YiwangProperties properties) {
        try {
            YiwangProperties.Db.Embedded embedded = properties.db().embedded();
            return embedded.ephemeral()
                    ? EmbeddedDatabase.startEphemeral()
                    : EmbeddedDatabase.start(Path.of(properties.dataDir()).resolve("db"), embedded.port());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The server being started; {@link #await()} returns it or rethrows what went wrong. */
    record Startup(CompletableFuture<EmbeddedDatabase> future) {
        EmbeddedDatabase await() throws IOException {
            try {
                return future.join();
            } catch (java.util.concurrent.CompletionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof UncheckedIOException io) {
                    throw io.getCause();
                }
                if (cause instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IOException(cause);
            }
        }
    }
}
