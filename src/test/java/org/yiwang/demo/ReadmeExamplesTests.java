package org.yiwang.demo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's HTTP examples, read from README.md itself (so they cannot drift), run as written by bash and curl
 * against a fresh demo installation, in the README's order, with the shell's variables ({@code TOKEN}, {@code ID},
 * {@code KEY}, {@code B}) carried from one to the next. Every one must answer 2xx ({@code curl --fail-with-body}).
 * Only the examples listed in {@link #NOT_RUN} are left out, each for the reason given there.
 */
@DemoHistorySpringTest
class ReadmeExamplesTests {

    /** Examples that cannot run here, by a piece of their text, with why. */
    static final Map<String, String> NOT_RUN = Map.of(
            "@hotline.csv", "needs the reader's own batch file",
            "/api/intake/imports/1/problems", "follows the reader's own batch file",
            "@addresses.csv", "needs the reader's own address file",
            "/api/intake/pending/7/", "an id from the reader's own pending list",
            "hotline.example.org", "would send webhooks out of this machine",
            "/api/intake/webhooks/", "acts on the webhook left out above, or on a delivery id of the reader's",
            "<leaf hash hex>", "a placeholder for a hash the reader picks");

    @LocalServerPort
    int port;

    @Test
    void everyHttpExampleOfTheReadmeWorksOnAFreshDemoDatabase(@TempDir Path dir) throws Exception {
        List<String> examples = examples(Files.readString(Path.of("README.md")));
        StringBuilder script = new StringBuilder("""
                curl() { command curl --fail-with-body -sS --max-time 60 "$@"; }
                set -o pipefail
                """);
        List<String> run = new ArrayList<>();
        List<String> left = new ArrayList<>();
        for (String example : examples) {
            if (NOT_RUN.keySet().stream().anyMatch(example::contains) && !example.contains("/api/intake/webhooks/event-types")
                    && !example.contains("deliveries?status=DEAD")) {
                left.add(example);
                continue;
            }
            run.add(example);
            script.append("echo '>>> ").append(run.size()).append("'\n{ ")
                    .append(example.replace("http://localhost:8080", "http://localhost:" + port))
                    .append("\n} || echo \"FAILED ").append(run.size()).append("\" >> failures\necho\n");
        }
        Files.writeString(dir.resolve("examples.sh"), script.toString());
        Process bash = new ProcessBuilder("bash", "examples.sh").directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("output.txt").toFile()).start();
        assertThat(bash.waitFor(5, TimeUnit.MINUTES)).as("the examples finish").isTrue();
        String output = Files.readString(dir.resolve("output.txt"), StandardCharsets.UTF_8);
        List<String> failed = Files.exists(dir.resolve("failures")) ? Files.readAllLines(dir.resolve("failures")) : List.of();
        StringBuilder report = new StringBuilder();
        for (String line : failed) {
            int n = Integer.parseInt(line.substring("FAILED ".length()).strip());
            report.append("\n#").append(n).append(": ").append(run.get(n - 1)).append("\n  → ").append(answerOf(output, n));
        }
        assertThat(failed).as("README examples that failed:%s", report).isEmpty();
        assertThat(run).as("README examples run").hasSizeGreaterThan(30);
        assertThat(left).as("README examples left out").hasSizeLessThanOrEqualTo(NOT_RUN.size() + 4);
        // the answers are what the README says they are
        assertThat(answerOf(output, indexOf(run, "/api/intake/hotline") + 1)).doesNotContain("PENDING");
        assertThat(answerOf(output, indexOf(run, "/accept") + 1)).contains("\"status\":\"ACCEPTED\"");
    }

    private static int indexOf(List<String> run, String piece) {
        for (int i = 0; i < run.size(); i++) {
            if (run.get(i).contains(piece)) {
                return i;
            }
        }
        throw new AssertionError("no README example contains " + piece);
    }

    private static String answerOf(String output, int n) {
        int start = output.indexOf(">>> " + n + "\n");
        int end = output.indexOf(">>> " + (n + 1) + "\n");
        String answer = start < 0 ? "" : output.substring(start, end < 0 ? output.length() : end);
        return answer.length() > 600 ? answer.substring(0, 600) + "…" : answer;
    }

    /**
     * The commands of the README's {@code bash} blocks that talk to the running application (curl, and the
     * variables they use), one string each: lines continued by a backslash or inside an open quote are joined.
     */
    static List<String> examples(String readme) {
        List<String> commands = new ArrayList<>();
        Matcher block = Pattern.compile("```bash\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        while (block.find()) {
            StringBuilder current = new StringBuilder();
            for (String line : block.group(1).split("\n")) {
                current.append(line).append('\n');
                if (line.endsWith("\\") || openQuote(current)) {
                    continue;
                }
                String command = current.toString().strip();
                current.setLength(0);
                if (command.isEmpty() || command.startsWith("#")) {
                    continue;
                }
                if (command.contains("curl ") || command.matches("[A-Z]+=http://localhost:8080\\S*")) {
                    commands.add(command);
                }
            }
        }
        return commands;
    }

    /** Whether a single quote is still open (outside double quotes), as bash would read it. */
    private static boolean openQuote(CharSequence text) {
        boolean single = false;
        boolean dbl = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'' && !dbl) {
                single = !single;
            } else if (c == '"' && !single) {
                dbl = !dbl;
            } else if (c == '#' && !single && !dbl && (i == 0 || Character.isWhitespace(text.charAt(i - 1)))) {
                // a comment to the end of the line
                while (i < text.length() && text.charAt(i) != '\n') {
                    i++;
                }
            }
        }
        return single;
    }

    @Test
    void examplesAreReadWithTheirContinuationLines() throws IOException {
        List<String> examples = examples("""
                text
                ```bash
                # a comment
                X=$(curl -s -d '{"a":1,
                  "b":2}' http://localhost:8080/api/x | sed 's/x/y/')   # don't
                curl -s http://localhost:8080/api/y \\
                  -H 'A: b'
                java -jar target/yiwang.jar ledger verify
                ```
                """);
        assertThat(examples).hasSize(2);
        assertThat(examples.get(0)).startsWith("X=$(curl").contains("\"b\":2}'");
        assertThat(examples.get(1)).endsWith("-H 'A: b'");
    }
}
