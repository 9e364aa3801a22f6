package dev.vigil.protocol;

/**
 * Everything the relay knows about one host right now.
 *
 * @param status liveness and identity
 * @param catalog its sensors, if the agent has sent them
 * @param latest its latest sample, if any
 * @param inventory its devices, if the agent has sent them
 */
public record HostSnapshot(
    HostStatus status,
    @OptionalField SensorCatalog catalog,
    @OptionalField Sample latest,
    @OptionalField Inventory inventory) {}
