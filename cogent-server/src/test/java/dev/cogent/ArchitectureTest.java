package dev.cogent;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The package rules of ARCHITECTURE.md, enforced. */
class ArchitectureTest {

  private static final String[] DOMAIN = {
    "dev.cogent.settings..",
    "dev.cogent.store..",
    "dev.cogent.scope..",
    "dev.cogent.registry..",
    "dev.cogent.session..",
    "dev.cogent.runtime..",
    "dev.cogent.llm..",
    "dev.cogent.tools..",
    "dev.cogent.artifacts..",
    "dev.cogent.memory..",
    "dev.cogent.identity..",
    "dev.cogent.protocols..",
    "dev.cogent.observability.."
  };

  private static JavaClasses production;

  @BeforeAll
  static void importClasses() {
    production =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.cogent");
  }

  @Test
  void domain_packages_never_import_http_or_javalin() {
    ArchRule rule =
        noClasses()
            .that()
            .resideInAnyPackage(DOMAIN)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.cogent.http..", "io.javalin..", "org.eclipse.jetty..")
            .because("a service method must be callable from a test without HTTP");
    rule.check(production);
  }

  @Test
  void only_the_composition_root_and_http_use_the_http_package() {
    ArchRule rule =
        classes()
            .that()
            .resideInAPackage("dev.cogent.http..")
            .should()
            .onlyBeAccessed()
            .byClassesThat()
            .resideInAnyPackage("dev.cogent.http..", "dev.cogent")
            .because("routes are wired by CogentServer alone");
    rule.check(production);
  }

  @Test
  void sql_stays_in_repositories_and_the_store() {
    ArchRule rule =
        noClasses()
            .that()
            .resideOutsideOfPackage("dev.cogent.store..")
            .and()
            .haveSimpleNameNotEndingWith("Repository")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.jdbi.v3.core.statement..", "java.sql..")
            .because("SQL lives in the repository class that owns the table");
    rule.check(production);
  }

  @Test
  void feature_packages_have_no_cycles() {
    slices()
        .matching("dev.cogent.(*)..")
        .should()
        .beFreeOfCycles()
        .allowEmptyShould(true)
        .check(production);
  }

  @Test
  void nothing_depends_on_the_composition_root() {
    ArchRule rule =
        noClasses()
            .that()
            .doNotHaveFullyQualifiedName("dev.cogent.CogentServer")
            .should()
            .dependOnClassesThat()
            .haveFullyQualifiedName("dev.cogent.CogentServer")
            .because("services receive their collaborators; none looks the root up");
    rule.check(production);
  }
}
