package io.openshell.crds;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The module's packages form a stack: {@code resolve} → {@code convert} → {@code v1alpha1}. */
class PackageCyclesTest {
  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.openshell.crds");

  @Test
  void packagesAreFreeOfCycles() {
    slices().matching("io.openshell.crds.(*)..").should().beFreeOfCycles().check(MAIN);
  }
}
