package io.openshell.plugin;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The plugin's packages depend downward only: commands ({@code sandbox}, {@code policy}, {@code
 * profile}, {@code settings}) on the shared rooms ({@code input}, {@code resolve}, {@code preview},
 * {@code output}, {@code kube}), never on each other in both directions.
 */
class PackageCyclesTest {
  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.openshell.plugin");

  @Test
  void packagesAreFreeOfCycles() {
    slices().matching("io.openshell.plugin.(*)..").should().beFreeOfCycles().check(MAIN);
  }

  @Test
  void noCodeReadsResourcesAsGenericMaps() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("io.fabric8.kubernetes.api.model.GenericKubernetesResource")
        .check(MAIN);
  }
}
