package dev.cogent.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The one rule of dataset access, as a table. */
class DatasetAccessTest {

  private static final String OWNER = "owner";
  private static final String ANN = "ann";

  private static Grant grant(PrincipalType type, String principal, Permission permission) {
    return new Grant("ds", principal, type, permission, OWNER, Instant.EPOCH);
  }

  private static DatasetAccess.Caller ann(Set<String> roles, Set<String> tenants) {
    return new DatasetAccess.Caller(ANN, false, roles, tenants);
  }

  static Stream<Arguments> cases() {
    var none = Set.<String>of();
    return Stream.of(
        Arguments.of(
            "owner holds every permission",
            List.of(),
            OWNER,
            false,
            none,
            none,
            Permission.SHARE,
            true),
        Arguments.of(
            "administrator may do everything",
            List.of(),
            ANN,
            true,
            none,
            none,
            Permission.DELETE,
            true),
        Arguments.of(
            "stranger without grants is denied",
            List.of(),
            ANN,
            false,
            none,
            none,
            Permission.READ,
            false),
        Arguments.of(
            "direct grant allows that permission",
            List.of(grant(PrincipalType.USER, ANN, Permission.READ)),
            ANN,
            false,
            none,
            none,
            Permission.READ,
            true),
        Arguments.of(
            "direct grant allows no other permission",
            List.of(grant(PrincipalType.USER, ANN, Permission.READ)),
            ANN,
            false,
            none,
            none,
            Permission.WRITE,
            false),
        Arguments.of(
            "grant to another user does not count",
            List.of(grant(PrincipalType.USER, "bob", Permission.READ)),
            ANN,
            false,
            none,
            none,
            Permission.READ,
            false),
        Arguments.of(
            "grant to a role of the caller allows",
            List.of(grant(PrincipalType.ROLE, "r1", Permission.WRITE)),
            ANN,
            false,
            Set.of("r1"),
            none,
            Permission.WRITE,
            true),
        Arguments.of(
            "grant to a role the caller lacks is denied",
            List.of(grant(PrincipalType.ROLE, "r1", Permission.WRITE)),
            ANN,
            false,
            Set.of("r2"),
            none,
            Permission.WRITE,
            false),
        Arguments.of(
            "grant to a tenant of the caller allows",
            List.of(grant(PrincipalType.TENANT, "t1", Permission.DELETE)),
            ANN,
            false,
            none,
            Set.of("t1"),
            Permission.DELETE,
            true),
        Arguments.of(
            "grant to another tenant is denied",
            List.of(grant(PrincipalType.TENANT, "t2", Permission.DELETE)),
            ANN,
            false,
            none,
            Set.of("t1"),
            Permission.DELETE,
            false),
        Arguments.of(
            "a role id does not match as a tenant grant",
            List.of(grant(PrincipalType.TENANT, "x", Permission.READ)),
            ANN,
            false,
            Set.of("x"),
            none,
            Permission.READ,
            false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void decides_dataset_access(
      String name,
      List<Grant> grants,
      String userId,
      boolean admin,
      Set<String> roles,
      Set<String> tenants,
      Permission permission,
      boolean expected) {
    DatasetAccess access = new DatasetAccess(OWNER, grants);
    var caller = new DatasetAccess.Caller(userId, admin, roles, tenants);

    assertThat(access.allows(caller, permission)).isEqualTo(expected);
  }

  @ParameterizedTest
  @MethodSource("permissions")
  void a_dataset_without_recorded_owner_allows_only_grants(Permission permission) {
    DatasetAccess access = new DatasetAccess(null, List.of());

    assertThat(access.allows(ann(Set.of(), Set.of()), permission)).isFalse();
  }

  static Stream<Permission> permissions() {
    return Stream.of(Permission.values());
  }
}
