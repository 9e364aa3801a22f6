package dev.vigil.protocol;

import java.util.Map;

/**
 * Which hosts, sensors or devices a rule applies to. Globs use {@code *} (any run of characters)
 * and {@code ?} (one character).
 *
 * @param hostGlob glob on host id or host name; absent means every host
 * @param sensorGlob threshold rules: glob on sensor id (required for them, absent for event rules)
 * @param sensorKind threshold rules: only sensors of this kind in the host's catalog
 * @param labels host labels that must all have exactly these values; absent or empty means any
 * @param deviceKind device event rules: only devices of this kind (e.g. {@code usb}); absent means
 *     any
 */
public record RuleSelector(
    @OptionalField String hostGlob,
    @OptionalField String sensorGlob,
    @OptionalField SensorKind sensorKind,
    @OptionalField Map<String, String> labels,
    @OptionalField DeviceKind deviceKind) {
  public RuleSelector {
    labels = labels == null ? Map.of() : Map.copyOf(labels);
  }
}
