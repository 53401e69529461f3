package io.openshell.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyFilesTest {
  @TempDir Path dir;

  private static PolicyVersion version(String policy) {
    return new PolicyVersion(
        policy,
        Fixtures.metadata(PolicyVerifier.hashOf(policy), 1),
        PolicyVerifier.hashOf(policy),
        "Sandbox",
        1,
        1,
        "r");
  }

  private List<String> entries() throws IOException {
    try (Stream<Path> list = Files.list(dir)) {
      return list.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void bothFilesHoldTheExactBytesOfTheConfigMap() throws IOException {
    PolicyFiles files = new PolicyFiles(dir);
    PolicyVersion v = version(Fixtures.policy(1) + "# caf\u00e9\n");
    files.writePolicy(v);
    files.writeMetadata(v);
    assertThat(Files.readString(dir.resolve("policy.yaml"))).isEqualTo(v.policyYaml());
    assertThat(Files.readString(dir.resolve("metadata.json"))).isEqualTo(v.metadataJson());
  }

  @Test
  void noTempFileIsLeftAfterWrites() throws IOException {
    PolicyFiles files = new PolicyFiles(dir);
    for (int i = 0; i < 20; i++) {
      files.writePolicy(version(Fixtures.policy(i)));
      files.writeMetadata(version(Fixtures.policy(i)));
    }
    assertThat(entries()).containsExactly("metadata.json", "policy.yaml");
  }

  @Test
  void prepareRemovesTempFilesACrashLeftBehind() throws IOException {
    Files.writeString(dir.resolve(".policy.yaml.123.tmp"), "half a pol");
    Files.writeString(dir.resolve("policy.yaml"), Fixtures.policy(1));
    new PolicyFiles(dir).prepare();
    assertThat(entries()).containsExactly("policy.yaml");
  }

  @Test
  void prepareCreatesTheDirectory() throws IOException {
    Path nested = dir.resolve("a/b");
    new PolicyFiles(nested).prepare();
    assertThat(nested).isDirectory();
  }

  @Test
  void writtenFilesAreReadableByOtherUsers() throws IOException {
    PolicyFiles files = new PolicyFiles(dir);
    files.writePolicy(version(Fixtures.policy(1)));
    assertThat(Files.getPosixFilePermissions(dir.resolve("policy.yaml")))
        .contains(PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ)
        .doesNotContain(PosixFilePermission.OTHERS_WRITE);
  }

  @Test
  void aReaderHammeringTheFileDuringManyUpdatesOnlyEverSeesCompleteVersions() throws Exception {
    PolicyFiles files = new PolicyFiles(dir);
    // Large versions make a torn write likely to be observed if writes were not atomic.
    List<String> versions = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      versions.add(Fixtures.policy(i) + ("# padding " + i + "\n").repeat(2000));
    }
    files.writePolicy(version(versions.get(0)));
    Set<String> known = Set.copyOf(versions);
    Set<String> seen = ConcurrentHashMap.newKeySet();
    List<String> torn = new ArrayList<>();
    AtomicBoolean done = new AtomicBoolean();
    Thread reader =
        new Thread(
            () -> {
              while (!done.get()) {
                try {
                  String text = Files.readString(dir.resolve("policy.yaml"));
                  if (known.contains(text)) {
                    seen.add(text);
                  } else {
                    synchronized (torn) {
                      torn.add(text.length() + " chars");
                    }
                  }
                } catch (NoSuchFileException e) {
                  synchronized (torn) {
                    torn.add("missing");
                  }
                } catch (IOException e) {
                  throw new IllegalStateException(e);
                }
              }
            });
    reader.start();
    for (int round = 0; round < 4; round++) {
      for (String v : versions) {
        files.writePolicy(version(v));
      }
    }
    done.set(true);
    reader.join();
    assertThat(torn).isEmpty();
    assertThat(seen).isNotEmpty();
    assertThat(entries()).containsExactly("policy.yaml");
  }
}
