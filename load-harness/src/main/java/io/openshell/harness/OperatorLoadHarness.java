package io.openshell.harness;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.openshell.crds.CrdResources;
import io.openshell.devapi.DevApiServer;
import io.openshell.devapi.RequestKind;
import io.openshell.policy.format.PolicyBundle;
import io.openshell.testsupport.Manifests;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * End-to-end operator load harness: an in-memory API server in this JVM, the operator as a separate
 * process (so its heap is its own), N sandboxes, then attach latency, profile fan-out, operator
 * heap and attach → policy-agent file latency. See load-harness/README.md.
 */
public final class OperatorLoadHarness {
  static final String NAMESPACE = "default";
  static final ResourceDefinitionContext SANDBOXES = crd("Sandbox", "sandboxes", true);
  static final ResourceDefinitionContext PROFILES =
      crd("ProviderProfile", "providerprofiles", false);

  /** Held strongly: java.util.logging keeps loggers weakly. */
  private static final Logger MOCK_LOG = Logger.getLogger("io.fabric8.mockwebserver");

  private static final long TIMEOUT_SECONDS = 600;

  private final HarnessOptions options;

  private OperatorLoadHarness(HarnessOptions options) {
    this.options = options;
  }

  public static void main(String[] args) throws Exception {
    if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
      System.out.print(HarnessOptions.usage());
      return;
    }
    HarnessOptions options;
    try {
      options = HarnessOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    for (Path jar : List.of(options.operatorJar(), options.agentJar())) {
      if (!Files.isRegularFile(jar)) {
        System.err.println("missing " + jar + ": build it first (see load-harness/README.md)");
        System.exit(2);
      }
    }
    MOCK_LOG.setLevel(Level.WARNING);
    Files.createDirectories(options.workDir());
    Report report = new Report(String.join(" ", args), Machine.describe());
    for (int n : options.sandboxCounts()) {
      report.add(new OperatorLoadHarness(options).run(n, n == options.largestCount()));
      System.out.println(report.table());
    }
    String section = report.markdown();
    System.out.println(section);
    if (options.appendTo().isPresent()) {
      Files.writeString(
          options.appendTo().get(),
          "\n" + section,
          StandardCharsets.UTF_8,
          java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
    }
    System.exit(0);
  }

  private Report.Run run(int n, boolean withAgents) throws Exception {
    log("N=" + n + ": starting API server and operator");
    Path dir = options.workDir().resolve("n" + n);
    Files.createDirectories(dir);
    Report.Run result = new Report.Run(n);
    result.indexedApiServer = options.indexedApiServer();
    result.operatorHttp2 = options.operatorHttp2();
    try (DevApiServer server = DevApiServer.start(0, options.indexedApiServer())) {
      installCrds(server);
      Path kubeconfig = server.writeKubeconfig(dir.resolve("kubeconfig.yaml"));
      int httpPort = freePort();
      List<String> jvm =
          options.operatorJvmOptions().isBlank()
              ? List.of()
              : List.of(options.operatorJvmOptions().trim().split("\\s+"));
      // The mock serves each connection on one event-loop thread; over HTTP/2 the operator's client
      // multiplexes every request onto one connection, so HTTP/1.1 (a pool of connections) is the
      // default here. A real API server has no such limit.
      Map<String, String> env =
          Map.of(
              "KUBECONFIG", kubeconfig.toAbsolutePath().toString(),
              "OPENSHELL_OPERATOR_NAMESPACE", NAMESPACE,
              "OPENSHELL_HTTP_PORT", Integer.toString(httpPort),
              "KUBERNETES_HTTP2_DISABLE", Boolean.toString(!options.operatorHttp2()));
      ChildProcess operator =
          ChildProcess.startJar(options.operatorJar(), jvm, env, dir.resolve("operator.log"));
      try (KubernetesClient client = server.newClient();
          ConfigMapTracker tracker = new ConfigMapTracker(client, NAMESPACE)) {
        result.operatorJvm = jvm.isEmpty() ? "(JVM defaults)" : String.join(" ", jvm);
        awaitOperator(client, operator, httpPort);
        createFixtures(client);

        // 1. N sandboxes, settled when every ConfigMap exists.
        var counts = server.requestCounts();
        long start = System.nanoTime();
        Map<String, List<String>> attached = createSandboxes(client, tracker, n);
        result.settleSeconds = (System.nanoTime() - start) / 1e9;
        result.settleRequests = ApiRequests.between(counts, quiet(server));
        log("N=" + n + ": settled in " + "%.1f s".formatted(result.settleSeconds));

        // 4. Operator heap after settling (and after a GC).
        Thread.sleep(2000);
        result.heapAfterSettleBytes = operator.usedHeapAfterGc();
        result.rssAfterSettleBytes = operator.residentBytes();
        result.operatorJvm += ", " + operator.collector() + " GC";
        log("N=" + n + ": heap after GC " + result.heapAfterSettleBytes / (1 << 20) + " MiB");

        // 2. Attach latency, sequential then burst; the API requests each attach caused.
        List<String> names = new ArrayList<>(attached.keySet());
        List<String> sequential = sample(names, options.attachSamples(), 0);
        counts = server.requestCounts();
        result.attachSequential =
            attachOneByOne(client, tracker, sequential, attached, Fixtures.SEQUENTIAL_PROVIDER);
        result.attachRequests =
            ApiRequests.between(counts, quiet(server)).withoutHarnessPatches(sequential.size());
        log("N=" + n + ": sequential attach " + result.attachSequential);
        if (options.burstSamples() > 0) {
          List<String> burst = sample(names, options.burstSamples(), 1);
          counts = server.requestCounts();
          long burstStart = System.nanoTime();
          result.attachBurst = attachBurst(client, tracker, burst, attached);
          result.burstTotalSeconds = (System.nanoTime() - burstStart) / 1e9;
          result.burstRequests =
              ApiRequests.between(counts, quiet(server)).withoutHarnessPatches(burst.size());
          log("N=" + n + ": burst attach " + result.attachBurst);
        }

        // 3. Profile fan-out to every ConfigMap.
        String before = ChildProcess.get(httpPort, "/metrics");
        counts = server.requestCounts();
        long operatorCpu = operator.cpuNanos();
        long harnessCpu = ChildProcess.cpuNanosOf(ProcessHandle.current().pid());
        result.fanOutSeconds = fanOut(client, tracker, names);
        result.fanOutOperatorCpuSeconds = (operator.cpuNanos() - operatorCpu) / 1e9;
        result.fanOutHarnessCpuSeconds =
            (ChildProcess.cpuNanosOf(ProcessHandle.current().pid()) - harnessCpu) / 1e9;
        result.fanOutRequests =
            ApiRequests.between(counts, quiet(server))
                .without(new RequestKind("patch", "providerprofiles"), 1);
        result.fanOutMetrics = Metrics.delta(before, ChildProcess.get(httpPort, "/metrics"));
        log("N=" + n + ": fan-out " + "%.2f s".formatted(result.fanOutSeconds));

        // 6. No-op: the same spec applied again to the sequential sample.
        counts = server.requestCounts();
        for (String sandbox : sequential) {
          patchProviders(client, sandbox, attached.get(sandbox));
        }
        result.noOpRequests =
            ApiRequests.between(counts, quiet(server)).withoutHarnessPatches(sequential.size());
        result.noOpSamples = sequential.size();
        result.heapAtEndBytes = operator.usedHeapAfterGc();
        result.operatorMetrics = Metrics.summary(ChildProcess.get(httpPort, "/metrics"));

        // 7. Operator restart with nothing changed.
        operator.close();
        counts = server.requestCounts();
        long restart = System.nanoTime();
        operator =
            ChildProcess.startJar(
                options.operatorJar(), jvm, env, dir.resolve("operator-restart.log"));
        awaitOperator(client, operator, httpPort);
        awaitSandboxReconciles(httpPort, n);
        result.restartRequests = ApiRequests.between(counts, quiet(server));
        result.restartSeconds = (System.nanoTime() - restart) / 1e9;
        log("N=" + n + ": restart " + result.restartRequests.describe());

        // 5. Attach → agent file.
        if (withAgents && options.agents() > 0 && options.agentSamples() > 0) {
          List<String> sampled = sample(names, options.agents(), 2);
          agentFiles(client, kubeconfig, dir, sampled, attached, result);
          log("N=" + n + ": attach → agent file " + result.agentFile);
        }
        result.operatorLog = dir.resolve("operator.log").toString();
      } finally {
        operator.close();
      }
    }
    return result;
  }

  /**
   * Waits until the API server has seen no write for 1.5 s (the operator has finished what the
   * phase caused, status writes included) and returns the request counts then.
   */
  private static Map<RequestKind, Long> quiet(DevApiServer server) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
    Map<RequestKind, Long> last = server.requestCounts();
    while (System.nanoTime() < deadline) {
      Thread.sleep(1500);
      Map<RequestKind, Long> now = server.requestCounts();
      if (ApiRequests.between(last, now).writes() == 0) {
        return now;
      }
      last = now;
    }
    throw new IllegalStateException("the API server saw writes for " + TIMEOUT_SECONDS + " s");
  }

  /** Waits until the (restarted) operator has reconciled every sandbox at least once. */
  private static void awaitSandboxReconciles(int httpPort, int n) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
    while (System.nanoTime() < deadline) {
      double done =
          Metrics.labelled(
              ChildProcess.get(httpPort, "/metrics"), Metrics.RECONCILES, "kind=\"sandbox\"");
      if (done >= n) {
        return;
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("the restarted operator did not reconcile every sandbox");
  }

  private static void installCrds(DevApiServer server) {
    for (String resource : CrdResources.PATHS) {
      server.installCrds(new ByteArrayInputStream(CrdResources.read(resource)));
    }
  }

  private static void awaitOperator(KubernetesClient client, ChildProcess operator, int httpPort)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
    while (System.nanoTime() < deadline) {
      if (!operator.alive()) {
        throw new IllegalStateException("operator exited; see " + operator.log);
      }
      boolean ready = !ChildProcess.get(httpPort, "/readyz").isEmpty();
      if (ready && client.genericKubernetesResources(PROFILES).withName("github").get() != null) {
        return;
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("operator not ready within 180 s; see " + operator.log);
  }

  private static void createFixtures(KubernetesClient client) {
    apply(client, Manifests.settings(true));
    apply(client, Fixtures.profile(false));
    for (List<String> p : Fixtures.PROVIDERS) {
      apply(client, Manifests.secret(p.get(2), p.get(3)));
      apply(client, Manifests.provider(p.get(0), p.get(1), p.get(2)));
    }
  }

  private static void apply(KubernetesClient client, String yaml) {
    HasMetadata resource = client.resource(yaml).item();
    boolean namespaced =
        !(resource.getKind().equals("OpenShellSettings")
            || resource.getKind().equals("ProviderProfile"));
    if (namespaced) {
      client.resource(yaml).inNamespace(NAMESPACE).create();
    } else {
      client.resource(yaml).create();
    }
  }

  private static Map<String, List<String>> createSandboxes(
      KubernetesClient client, ConfigMapTracker tracker, int n) throws Exception {
    Map<String, List<String>> attached = new java.util.LinkedHashMap<>();
    List<CompletableFuture<Long>> settled = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String name = Fixtures.sandboxName(i);
      attached.put(name, new ArrayList<>(Fixtures.initialProviders(i)));
      settled.add(tracker.await(ConfigMapTracker.configMapOf(name), policy -> true));
    }
    // A few client threads, as several users or a GitOps sync would create them.
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<CompletableFuture<Void>> creates = new ArrayList<>();
      for (Map.Entry<String, List<String>> e : attached.entrySet()) {
        String yaml = Fixtures.sandbox(e.getKey(), e.getValue());
        creates.add(
            CompletableFuture.runAsync(
                () -> client.resource(yaml).inNamespace(NAMESPACE).create(), pool));
      }
      CompletableFuture.allOf(creates.toArray(CompletableFuture[]::new))
          .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } finally {
      pool.shutdown();
    }
    CompletableFuture.allOf(settled.toArray(CompletableFuture[]::new))
        .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    return attached;
  }

  /** Every {@code size / k}-th name from {@code offset}, wrapping; distinct while k ≤ size. */
  static List<String> sample(List<String> names, int k, int offset) {
    int size = names.size();
    int count = Math.min(k, size);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(names.get((int) (((long) i * size / count + offset) % size)));
    }
    return out;
  }

  private static void patchProviders(KubernetesClient client, String sandbox, List<String> p) {
    client
        .genericKubernetesResources(SANDBOXES)
        .inNamespace(NAMESPACE)
        .withName(sandbox)
        .patch(PatchContext.of(PatchType.JSON_MERGE), Fixtures.providersPatch(p));
  }

  private static LatencyStats attachOneByOne(
      KubernetesClient client,
      ConfigMapTracker tracker,
      List<String> sandboxes,
      Map<String, List<String>> attached,
      String provider)
      throws Exception {
    String key = Fixtures.ruleKey(provider) + ":";
    List<Long> latencies = new ArrayList<>();
    for (String sandbox : sandboxes) {
      List<String> providers = attached.get(sandbox);
      providers.add(provider);
      CompletableFuture<Long> done =
          tracker.await(ConfigMapTracker.configMapOf(sandbox), policy -> policy.contains(key));
      long start = System.nanoTime();
      patchProviders(client, sandbox, providers);
      latencies.add(done.get(TIMEOUT_SECONDS, TimeUnit.SECONDS) - start);
    }
    return LatencyStats.ofNanos(latencies);
  }

  private static LatencyStats attachBurst(
      KubernetesClient client,
      ConfigMapTracker tracker,
      List<String> sandboxes,
      Map<String, List<String>> attached)
      throws Exception {
    String key = Fixtures.ruleKey(Fixtures.BURST_PROVIDER) + ":";
    Map<String, CompletableFuture<Long>> done = new HashMap<>();
    Map<String, Long> started = new HashMap<>();
    for (String sandbox : sandboxes) {
      done.put(
          sandbox,
          tracker.await(ConfigMapTracker.configMapOf(sandbox), policy -> policy.contains(key)));
    }
    for (String sandbox : sandboxes) {
      List<String> providers = attached.get(sandbox);
      providers.add(Fixtures.BURST_PROVIDER);
      started.put(sandbox, System.nanoTime());
      patchProviders(client, sandbox, providers);
    }
    List<Long> latencies = new ArrayList<>();
    for (String sandbox : sandboxes) {
      latencies.add(
          done.get(sandbox).get(TIMEOUT_SECONDS, TimeUnit.SECONDS) - started.get(sandbox));
    }
    return LatencyStats.ofNanos(latencies);
  }

  private static double fanOut(KubernetesClient client, ConfigMapTracker tracker, List<String> all)
      throws Exception {
    List<CompletableFuture<Long>> done = new ArrayList<>();
    for (String sandbox : all) {
      done.add(
          tracker.await(
              ConfigMapTracker.configMapOf(sandbox),
              policy -> policy.contains(Fixtures.FANOUT_HOST)));
    }
    long start = System.nanoTime();
    io.fabric8.kubernetes.api.model.GenericKubernetesResource profile =
        io.fabric8.kubernetes.client.utils.Serialization.unmarshal(
            Fixtures.profile(true),
            io.fabric8.kubernetes.api.model.GenericKubernetesResource.class);
    String patch =
        "{\"spec\":"
            + io.fabric8.kubernetes.client.utils.Serialization.asJson(
                profile.getAdditionalProperties().get("spec"))
            + "}";
    client
        .genericKubernetesResources(PROFILES)
        .withName(Fixtures.CUSTOM_PROFILE)
        .patch(PatchContext.of(PatchType.JSON_MERGE), patch);
    long last = 0;
    for (CompletableFuture<Long> f : done) {
      last = Math.max(last, f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
    }
    return (last - start) / 1e9;
  }

  private void agentFiles(
      KubernetesClient client,
      Path kubeconfig,
      Path dir,
      List<String> sandboxes,
      Map<String, List<String>> attached,
      Report.Run result)
      throws Exception {
    List<ChildProcess> agents = new ArrayList<>();
    try {
      for (String sandbox : sandboxes) {
        String pod = "agent-" + sandbox;
        client.resource(Fixtures.pod(pod, sandbox)).inNamespace(NAMESPACE).create();
        Path policyDir = dir.resolve("agents").resolve(sandbox);
        Files.createDirectories(policyDir);
        agents.add(
            ChildProcess.startJar(
                options.agentJar(),
                List.of(
                    "-Xmx64m",
                    "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1",
                    // timestamps in the agent's log, to explain slow samples
                    "-Dorg.slf4j.simpleLogger.showDateTime=true",
                    "-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd'T'HH:mm:ss.SSSX"),
                Map.of(
                    "KUBECONFIG",
                    kubeconfig.toAbsolutePath().toString(),
                    "OPENSHELL_NAMESPACE",
                    NAMESPACE,
                    "OPENSHELL_SANDBOX",
                    sandbox,
                    "POD_NAME",
                    pod,
                    "OPENSHELL_POLICY_DIR",
                    policyDir.toAbsolutePath().toString(),
                    "OPENSHELL_AGENT_PORT",
                    "0"),
                dir.resolve("agents").resolve(sandbox + ".log")));
      }
      // Every agent has written the current policy before any measurement starts.
      for (int i = 0; i < sandboxes.size(); i++) {
        Path file =
            dir.resolve("agents").resolve(sandboxes.get(i)).resolve(PolicyBundle.Names.POLICY_KEY);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (!Files.exists(file)) {
          if (System.nanoTime() > deadline || !agents.get(i).alive()) {
            throw new IllegalStateException("agent wrote no policy; see " + agents.get(i).log);
          }
          Thread.sleep(100);
        }
      }
      log("agents ready: " + sandboxes.size());
      String key = Fixtures.ruleKey(Fixtures.AGENT_PROVIDER) + ":";
      List<Long> attaches = new ArrayList<>();
      List<Long> detaches = new ArrayList<>();
      List<String> samples = new ArrayList<>();
      // Round-robin over the agents: each visit attaches the provider, the next one detaches it.
      for (int i = 0; attaches.size() < options.agentSamples(); i++) {
        String sandbox = sandboxes.get(i % sandboxes.size());
        boolean attach = (i / sandboxes.size()) % 2 == 0;
        Path file = dir.resolve("agents").resolve(sandbox).resolve(PolicyBundle.Names.POLICY_KEY);
        List<String> providers = attached.get(sandbox);
        if (attach) {
          providers.add(Fixtures.AGENT_PROVIDER);
        } else {
          providers.remove(Fixtures.AGENT_PROVIDER);
        }
        long start = System.nanoTime();
        String sentAt = java.time.Instant.now().toString();
        patchProviders(client, sandbox, providers);
        long deadline = start + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (read(file).contains(key) != attach) {
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException("agent file of " + sandbox + " never changed");
          }
          Thread.sleep(2);
        }
        long took = System.nanoTime() - start;
        (attach ? attaches : detaches).add(took);
        samples.add(
            "%s %s %s %.0f ms"
                .formatted(sentAt, attach ? "attach" : "detach", sandbox, took / 1e6));
      }
      result.agentFile = LatencyStats.ofNanos(attaches);
      result.agentDetach = LatencyStats.ofNanos(detaches);
      Files.write(dir.resolve("agent-samples.txt"), samples);
    } finally {
      agents.forEach(ChildProcess::close);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      // Between the agent's atomic renames the file always exists; other errors: retry.
      return "";
    }
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ResourceDefinitionContext crd(String kind, String plural, boolean namespaced) {
    return new ResourceDefinitionContext.Builder()
        .withGroup("openshell.io")
        .withVersion("v1alpha1")
        .withKind(kind)
        .withPlural(plural)
        .withNamespaced(namespaced)
        .build();
  }

  static void log(String message) {
    System.out.println("[" + java.time.LocalTime.now().withNano(0) + "] " + message);
  }

  static String join(List<String> parts) {
    return parts.stream().collect(Collectors.joining(", "));
  }
}
