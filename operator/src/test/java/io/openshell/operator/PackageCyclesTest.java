package io.openshell.operator;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The operator's packages depend downward only: the kind packages ({@code sandbox}, {@code
 * provider}, {@code profile}, {@code settings}) share what they need through {@code resolve} (and
 * the {@code crds} module's resolver), never through each other in both directions.
 */
class PackageCyclesTest {
  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.openshell.operator");

  @Test
  void packagesAreFreeOfCycles() {
    slices().matching("io.openshell.operator.(*)..").should().beFreeOfCycles().check(MAIN);
  }

  @Test
  void theEmbeddedModeDoesNotCallBackIntoTheEntryPoint() {
    noClasses()
        .that()
        .haveSimpleName("EmbeddedMode")
        .should()
        .dependOnClassesThat()
        .haveSimpleName("OperatorMain")
        .check(MAIN);
  }
}
