package org.yiwang.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * CPU time spent by the server's JVM, its PostgreSQL (the postmaster and every backend, including
 * backends that have already exited) and this harness, read from Linux's {@code /proc}; elsewhere, or
 * for a process it cannot find, it reports nothing rather than a wrong figure.
 */
record CpuMeter(long serverPid, Path postmasterPidFile) {

    /** Linux reports process times in clock ticks of 1/100 s on every common architecture. */
    private static final double MS_PER_TICK = 10.0;

    /** @param data the server's data folder (its embedded PostgreSQL lives in {@code db/pg17}), or null */
    static CpuMeter of(long serverPid, Path data) {
        return new CpuMeter(serverPid, data == null ? null : data.resolve("db").resolve("pg17").resolve("postmaster.pid"));
    }

    Reading read() {
        return new Reading(ticks(serverPid, false), postgresTicks(), ticks(ProcessHandle.current().pid(), false));
    }

    private long postgresTicks() {
        if (postmasterPidFile == null || !Files.isReadable(postmasterPidFile)) {
            return -1;
        }
        try {
            long postmaster = Long.parseLong(Files.readAllLines(postmasterPidFile).getFirst().strip());
            long total = ticks(postmaster, true);
            if (total < 0) {
                return -1;
            }
            List<ProcessHandle> backends = ProcessHandle.of(postmaster).map(p -> p.children().toList()).orElse(List.of());
            for (ProcessHandle backend : backends) {
                total += Math.max(0, ticks(backend.pid(), false));
            }
            return total;
        } catch (IOException | RuntimeException unreadable) {
            return -1;
        }
    }

    /** utime + stime of a process (fields 14 and 15 of /proc/PID/stat), plus its reaped children's if asked; -1 if unknown. */
    private static long ticks(long pid, boolean withReapedChildren) {
        if (pid <= 0) {
            return -1;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields[0] is the 3rd field of the file (state): utime is the 14th, so fields[11]
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            if (withReapedChildren) {
                ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
            }
            return ticks;
        } catch (IOException | RuntimeException unreadable) {
            return -1;
        }
    }

    /** Clock ticks per process; -1 where unknown. */
    record Reading(long server, long postgres, long harness) {

        Reading minus(Reading earlier) {
            return new Reading(diff(server, earlier.server), diff(postgres, earlier.postgres), diff(harness, earlier.harness));
        }

        private static long diff(long now, long then) {
            return now < 0 || then < 0 ? -1 : now - then;
        }

        /** e.g. "CPU per intake: server JVM 4.10 ms, PostgreSQL 3.02 ms, load harness 0.61 ms (…)". */
        String per(long count, String what) {
            if (count == 0) {
                return "CPU per " + what + ": nothing counted";
            }
            StringBuilder line = new StringBuilder("CPU per " + what + ":");
            double total = 0;
            boolean complete = true;
            for (var part : List.of(new Object[]{"server JVM", server}, new Object[]{"PostgreSQL", postgres}, new Object[]{"load harness", harness})) {
                long ticks = (long) part[1];
                if (ticks < 0) {
                    line.append(' ').append(part[0]).append(" unknown,");
                    complete = false;
                } else {
                    double ms = ticks * MS_PER_TICK / count;
                    total += ms;
                    line.append(String.format(Locale.ROOT, " %s %.2f ms,", part[0], ms));
                }
            }
            line.setLength(line.length() - 1);
            if (complete) {
                int cores = Runtime.getRuntime().availableProcessors();
                line.append(String.format(Locale.ROOT, " -> %.2f ms in all; %d cores give at most %.0f per s",
                        total, cores, cores * 1000 / total));
            }
            return line.toString();
        }
    }
}
