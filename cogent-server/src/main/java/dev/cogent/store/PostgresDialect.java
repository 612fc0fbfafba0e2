package dev.cogent.store;

final class PostgresDialect implements Dialect {

  private static final String UNIQUE_VIOLATION = "23505";

  @Override
  public String name() {
    return "postgresql";
  }

  @Override
  public boolean isUniqueViolation(Throwable error) {
    return Dialect.causedBySqlState(error, UNIQUE_VIOLATION);
  }

  @Override
  public boolean serializesWrites() {
    return false;
  }
}
