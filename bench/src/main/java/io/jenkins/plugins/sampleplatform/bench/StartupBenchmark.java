package io.jenkins.plugins.sampleplatform.bench;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Start-up of the command line: wall time of {@code summary --demo --run 1} as a process, per JVM set-up,
 * against a bare {@code java -version}. Variants run interleaved, round after round, so that a change in
 * the machine's load touches them all alike; the medians go in bench/STARTUP.md.
 *
 * <p>Run after {@code mvn -pl cli -am package -DskipTests} (which also makes the class-data-sharing
 * archive): {@code java bench/src/main/java/io/jenkins/plugins/sampleplatform/bench/StartupBenchmark.java . 30}.
 */
public final class StartupBenchmark {

    private StartupBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Path jar = root.resolve("cli/target/sampleplatform.jar");
        Path jsa = root.resolve("cli/target/sampleplatform.jsa");
        if (!Files.isRegularFile(jar) || !Files.isRegularFile(jsa)) {
            throw new IllegalStateException(
                    "build first: mvn -pl cli -am package -DskipTests (no " + jar + " or " + jsa + ")");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path db = Files.createTempFile("startup-demo", ".db");
        Files.delete(db);
        List<String> summary = List.of("summary", "--demo", "--run", "1", "--demo-db", db.toString());

        Map<String, List<String>> variants = new LinkedHashMap<>();
        variants.put("java -version", List.of(java, "-version"));
        variants.put("java -jar (defaults)", concat(List.of(java, "-jar", jar.toString()), summary));
        variants.put(
                "C1 only + serial GC",
                concat(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar.toString()), summary));
        variants.put(
                "CDS archive + C1 only + serial GC",
                concat(
                        List.of(
                                java,
                                "-XX:SharedArchiveFile=" + jsa,
                                "-Xshare:auto",
                                "-Xlog:cds=off",
                                "-Xlog:cds+dynamic=off",
                                "-XX:TieredStopAtLevel=1",
                                "-XX:+UseSerialGC",
                                "-jar",
                                jar.toString()),
                        summary));
        variants.put(
                "./sampleplatform (wrapper: staleness check + the above)",
                concat(List.of(root.resolve("sampleplatform").toString()), summary));

        run(variants.values().iterator().next()); // let the demo database be created outside the timings
        for (List<String> command : variants.values()) {
            run(command);
        }
        Map<String, long[]> times = new LinkedHashMap<>();
        variants.keySet().forEach(name -> times.put(name, new long[rounds]));
        for (int round = 0; round < rounds; round++) {
            for (Map.Entry<String, List<String>> variant : variants.entrySet()) {
                times.get(variant.getKey())[round] = run(variant.getValue());
            }
        }
        System.out.printf(
                Locale.ROOT,
                "%d rounds, %d cores, load average %s%n",
                rounds,
                Runtime.getRuntime().availableProcessors(),
                Files.readString(Path.of("/proc/loadavg")).strip());
        long base = median(times.get("java -version"));
        for (Map.Entry<String, long[]> entry : times.entrySet()) {
            long[] t = entry.getValue();
            Arrays.sort(t);
            System.out.printf(
                    Locale.ROOT,
                    "%-58s median %4d ms  min %4d ms  p90 %4d ms  %.1fx java -version%n",
                    entry.getKey(),
                    median(t),
                    t[0],
                    t[(int) Math.floor(t.length * 0.9)],
                    median(t) / (double) base);
        }
        Files.deleteIfExists(db);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** Wall time of one process in milliseconds; its output is discarded. */
    private static long run(List<String> command) throws Exception {
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.to(new File("/dev/null")))
                .redirectError(ProcessBuilder.Redirect.to(new File("/dev/null")))
                .start();
        int code = p.waitFor();
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (code != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + code);
        }
        return millis;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
