package io.openshell.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A JVM child process (operator or policy agent) with its output in a log file. */
final class ChildProcess implements AutoCloseable {
  private static final Pattern HEAP_LINE = Pattern.compile("total (\\d+)K, used (\\d+)K");
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final Process process;
  final Path log;
  private volatile String collector = "unknown";

  private ChildProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /** Starts {@code java <jvmOptions> -jar jar} with extra environment, output to {@code log}. */
  static ChildProcess startJar(
      Path jar, List<String> jvmOptions, Map<String, String> env, Path log) {
    List<String> command = new ArrayList<>();
    command.add(javaTool("java"));
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(jar.toAbsolutePath().toString());
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.redirectOutput(log.toFile());
    builder.environment().putAll(env);
    try {
      Files.createDirectories(log.getParent());
      return new ChildProcess(builder.start(), log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  long pid() {
    return process.pid();
  }

  boolean alive() {
    return process.isAlive();
  }

  /**
   * Used heap in bytes after a full GC: {@code jcmd GC.run}, then the sum of the "used" figures of
   * {@code jcmd GC.heap_info} (one line for G1, one per generation for Serial/Parallel).
   */
  long usedHeapAfterGc() {
    jcmd("GC.run");
    String info = jcmd("GC.heap_info");
    collector = collectorOf(info);
    return parseUsedHeapKib(info) * 1024;
  }

  /** The collector the last heap reading showed (the JVM picks one by cores and memory). */
  String collector() {
    return collector;
  }

  static String collectorOf(String heapInfo) {
    if (heapInfo.contains("garbage-first heap")) {
      return "G1";
    }
    if (heapInfo.contains("def new generation")) {
      return "Serial";
    }
    if (heapInfo.contains("PSYoungGen")) {
      return "Parallel";
    }
    return "other";
  }

  /** CPU time (user + system) the process has used so far, from /proc (0 where unavailable). */
  long cpuNanos() {
    return cpuNanosOf(pid());
  }

  /** CPU time (user + system) of process {@code pid}, from /proc (0 where unavailable). */
  static long cpuNanosOf(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      // Fields after the command name (which may contain spaces) start after the last ')'.
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
      long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
      return ticks * (1_000_000_000L / CLOCK_TICKS_PER_SECOND);
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  /** USER_HZ; 100 on Linux for every architecture the JDK runs on. */
  private static final long CLOCK_TICKS_PER_SECOND = 100;

  /** Resident set size in bytes from /proc (0 where unavailable). */
  long residentBytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      return 0;
    }
    return 0;
  }

  static long parseUsedHeapKib(String heapInfo) {
    long used = 0;
    boolean any = false;
    for (String line : heapInfo.split("\n")) {
      Matcher m = HEAP_LINE.matcher(line);
      // Metaspace lines read "used NK, committed ..."; only heap regions read "total NK, used NK".
      if (m.find()) {
        used += Long.parseLong(m.group(2));
        any = true;
      }
    }
    if (!any) {
      throw new IllegalStateException("no heap figures in jcmd output:\n" + heapInfo);
    }
    return used;
  }

  String jcmd(String command) {
    try {
      Process p =
          new ProcessBuilder(javaTool("jcmd"), Long.toString(pid()), command)
              .redirectErrorStream(true)
              .start();
      String out = new String(p.getInputStream().readAllBytes());
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException("jcmd " + command + " failed: " + out);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** HTTP GET on 127.0.0.1; the body, or empty text on any failure. */
  static String get(int port, String path) {
    try {
      HttpResponse<String> r =
          HTTP.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                  .timeout(Duration.ofSeconds(10))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return r.statusCode() == 200 ? r.body() : "";
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  private static String javaTool(String name) {
    return Path.of(System.getProperty("java.home"), "bin", name).toString();
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
