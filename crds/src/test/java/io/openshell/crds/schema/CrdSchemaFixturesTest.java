package io.openshell.crds.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Runs every schema fixture through the generated CRD's schema and CEL rules. */
class CrdSchemaFixturesTest {

  @TestFactory
  Stream<DynamicTest> validFixturesPassTheSchemaAndEveryCelRule() {
    return Fixture.all().stream()
        .filter(Fixture::isValid)
        .map(
            f ->
                DynamicTest.dynamicTest(
                    f.displayName() + " is accepted",
                    () ->
                        assertThat(
                                CrdValidator.of(f.kind())
                                    .validate(f.object(), f.old().orElse(null)))
                            .as(f.displayName())
                            .isEmpty()));
  }

  @TestFactory
  Stream<DynamicTest> invalidFixturesAreRejectedWithTheirExpectedMessages() {
    return Fixture.all().stream()
        .filter(f -> !f.isValid())
        .map(
            f ->
                DynamicTest.dynamicTest(
                    f.displayName() + " is rejected with " + f.expected(),
                    () -> {
                      List<String> failures =
                          CrdValidator.of(f.kind())
                              .validate(f.object(), f.old().orElse(null))
                              .stream()
                              .map(CrdValidator.Failure::toString)
                              .toList();
                      assertThat(f.expected())
                          .as("fixture names its expected message")
                          .isNotEmpty();
                      for (String expected : f.expected()) {
                        assertThat(failures)
                            .as(f.displayName())
                            .anySatisfy(m -> assertThat(m).contains(expected));
                      }
                    }));
  }

  @Test
  void everyKindHasValidAndInvalidFixtures() {
    List<Fixture> all = Fixture.all();
    for (String kind : List.of("ProviderProfile", "Provider", "Sandbox", "OpenShellSettings")) {
      assertThat(all).as(kind).anyMatch(f -> f.kind().equals(kind) && f.isValid());
      assertThat(all).as(kind).anyMatch(f -> f.kind().equals(kind) && !f.isValid());
    }
  }
}
