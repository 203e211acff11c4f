package org.yiwang.platform;

import java.nio.file.Path;

/** A separate JVM that owns an embedded database until it is killed; used by {@link EmbeddedDatabaseTests}. */
final class EmbeddedDatabaseChild {

    private EmbeddedDatabaseChild() {
    }

    public static void main(String[] args) throws Exception {
        try {
            EmbeddedDatabase db = EmbeddedDatabase.start(Path.of(args[0]), 0);
            System.out.println("READY " + db.port());
            System.out.flush();
            Thread.sleep(120_000);
        } catch (EmbeddedDatabase.DataFolderInUseException e) {
            System.out.println(e.getMessage());
            System.exit(3);
        }
    }
}
