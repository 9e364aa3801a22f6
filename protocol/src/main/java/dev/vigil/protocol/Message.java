package dev.vigil.protocol;

/**
 * A protocol message: the body of an {@link Envelope}. Every implementation is an immutable record.
 */
public sealed interface Message
    permits Hello,
        Welcome,
        Ping,
        Pong,
        SensorCatalog,
        Sample,
        Inventory,
        DeviceEvent,
        HostStatus,
        Snapshot,
        Alert,
        Acknowledge,
        Result,
        ErrorNotice,
        Goodbye,
        Received,
        Gap,
        Coalesced,
        Command,
        RulePut,
        RuleDelete,
        RuleList,
        SilencePut,
        SilenceDelete,
        SilenceList,
        TokenList,
        TokenCreate,
        TokenCreated,
        TokenRevoke {

  /** The wire type of this message, e.g. {@code "sample"}. */
  default MessageType type() {
    return MessageType.of(getClass());
  }
}
