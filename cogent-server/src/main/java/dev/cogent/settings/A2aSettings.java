package dev.cogent.settings;

/**
 * The A2A protocol surface (spec 001, "A2A Protocol").
 *
 * @param enabled whether {@code /.well-known/agent-card.json} and {@code /a2a/{agent_name}} are
 *     mounted; {@code GET /capabilities} reports it as {@code a2a}
 */
public record A2aSettings(boolean enabled) {

  /** The built-in defaults: A2A on. */
  public static final A2aSettings DEFAULTS = new A2aSettings(true);
}
