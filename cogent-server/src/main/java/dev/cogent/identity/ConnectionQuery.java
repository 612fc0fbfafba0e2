package dev.cogent.identity;

import dev.cogent.ApiException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The filters of {@code GET /api/v1/agents/connections}, every one applied.
 *
 * @param agentId only connections registered by this user or agent identity, or null for all
 * @param range only connections active within it ({@code 24h}, {@code 7d}, {@code 30d}); null for
 *     {@code all}
 * @param status only connections with this status, or null for any
 * @param includeSources whether to answer the memory sources of the listed connections
 * @param activeOnly only active connections
 * @param limit 1 to 500
 * @param offset 0 or more
 */
public record ConnectionQuery(
    String agentId,
    Duration range,
    String status,
    boolean includeSources,
    boolean activeOnly,
    int limit,
    int offset) {

  static final int MAX_LIMIT = 500;
  private static final Map<String, Duration> RANGES =
      Map.of("24h", Duration.ofHours(24), "7d", Duration.ofDays(7), "30d", Duration.ofDays(30));
  private static final List<String> STATUSES = List.of("active", "inactive", "unknown");

  /**
   * Reads the raw query parameters (each null when absent), with the anchor's defaults: range
   * {@code 30d}, sources and active only {@code true}, limit 50, offset 0.
   *
   * @throws ApiException 422 naming every invalid parameter
   */
  public static ConnectionQuery parse(
      String agentId,
      String range,
      String status,
      String includeSources,
      String activeOnly,
      String limit,
      String offset) {
    List<ApiException.FieldError> errors = new ArrayList<>();
    Duration parsedRange = RANGES.get("30d");
    if (range != null) {
      if (range.equals("all")) {
        parsedRange = null;
      } else if (RANGES.containsKey(range)) {
        parsedRange = RANGES.get(range);
      } else {
        errors.add(new ApiException.FieldError("range", "must be one of 24h, 7d, 30d, all"));
      }
    }
    if (status != null && !STATUSES.contains(status)) {
      errors.add(new ApiException.FieldError("status", "must be one of active, inactive, unknown"));
    }
    boolean sources = bool("include_sources", includeSources, errors);
    boolean active = bool("active_only", activeOnly, errors);
    int parsedLimit = integer("limit", limit, 50, 1, MAX_LIMIT, errors);
    int parsedOffset = integer("offset", offset, 0, 0, Integer.MAX_VALUE, errors);
    if (!errors.isEmpty()) {
      throw ApiException.validation(errors);
    }
    return new ConnectionQuery(
        agentId, parsedRange, status, sources, active, parsedLimit, parsedOffset);
  }

  private static boolean bool(String name, String raw, List<ApiException.FieldError> errors) {
    if (raw == null || raw.equals("true")) {
      return true;
    }
    if (raw.equals("false")) {
      return false;
    }
    errors.add(new ApiException.FieldError(name, "must be true or false"));
    return true;
  }

  private static int integer(
      String name,
      String raw,
      int fallback,
      int min,
      int max,
      List<ApiException.FieldError> errors) {
    if (raw == null) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(raw.strip());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    errors.add(
        new ApiException.FieldError(
            name,
            max == Integer.MAX_VALUE
                ? "must be an integer of at least " + min
                : "must be an integer between " + min + " and " + max));
    return fallback;
  }
}
