package io.openshell.plugin;

import io.openshell.plugin.input.Names;
import java.io.File;
import java.util.Optional;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** kubectl's connection flags, accepted before or after any subcommand. */
public final class KubeOptions {
  @Option(
      names = "--kubeconfig",
      scope = ScopeType.INHERIT,
      paramLabel = "FILE",
      description = "Path to the kubeconfig file (default: $KUBECONFIG or ~/.kube/config).")
  File kubeconfig;

  @Option(
      names = "--context",
      scope = ScopeType.INHERIT,
      paramLabel = "NAME",
      description = "The kubeconfig context to use.")
  String context;

  @Option(
      names = {"-n", "--namespace"},
      scope = ScopeType.INHERIT,
      paramLabel = "NAMESPACE",
      converter = Names.Namespace.class,
      description = "The namespace (default: the namespace of the kubeconfig context).")
  String namespace;

  public Optional<File> kubeconfig() {
    return Optional.ofNullable(kubeconfig);
  }

  public Optional<String> context() {
    return Optional.ofNullable(context);
  }

  public Optional<String> namespace() {
    return Optional.ofNullable(namespace).filter(n -> !n.isBlank());
  }
}
