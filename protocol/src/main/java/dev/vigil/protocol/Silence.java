package dev.vigil.protocol;

/**
 * Mutes the alerts it matches until it expires: they still follow their lifecycle, but carry {@code
 * silenced: true} so that notifications skip them.
 *
 * @param id assigned by the relay when absent in a {@link SilencePut}
 * @param hostGlob glob on host id or host name
 * @param sensorGlob glob on sensor id; absent matches every alert, also host-level ones
 * @param ruleId only alerts of this rule; absent for any rule
 * @param comment why; may be empty
 * @param expiresAtMs when it ends, epoch milliseconds (relay clock)
 * @param createdBy the operator who put it; set by the relay
 * @param createdAtMs when it was put; set by the relay
 */
public record Silence(
    @OptionalField String id,
    String hostGlob,
    @OptionalField String sensorGlob,
    @OptionalField String ruleId,
    String comment,
    long expiresAtMs,
    @OptionalField String createdBy,
    @OptionalField Long createdAtMs) {

  /** This silence with its id and creation recorded. */
  public Silence recorded(String newId, String by, long atMs) {
    return new Silence(newId, hostGlob, sensorGlob, ruleId, comment, expiresAtMs, by, atMs);
  }
}
