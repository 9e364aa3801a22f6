package dev.vigil.protocol;

import java.util.HashMap;
import java.util.Map;

/** Every message type, with its wire name and the record that carries it. */
public enum MessageType {
  HELLO("hello", Hello.class),
  WELCOME("welcome", Welcome.class),
  PING("ping", Ping.class),
  PONG("pong", Pong.class),
  CATALOG("catalog", SensorCatalog.class),
  SAMPLE("sample", Sample.class),
  INVENTORY("inventory", Inventory.class),
  EVENT("event", DeviceEvent.class),
  HOST("host", HostStatus.class),
  SNAPSHOT("snapshot", Snapshot.class),
  ALERT("alert", Alert.class),
  ACK("ack", Acknowledge.class),
  RESULT("result", Result.class),
  ERROR("error", ErrorNotice.class),
  BYE("bye", Goodbye.class),
  RECEIVED("received", Received.class),
  GAP("gap", Gap.class),
  COALESCED("coalesced", Coalesced.class),
  COMMAND("command", Command.class),
  RULE_PUT("rule.put", RulePut.class),
  RULE_DELETE("rule.delete", RuleDelete.class),
  RULES("rules", RuleList.class),
  SILENCE_PUT("silence.put", SilencePut.class),
  SILENCE_DELETE("silence.delete", SilenceDelete.class),
  SILENCES("silences", SilenceList.class),
  TOKENS("tokens", TokenList.class),
  TOKEN_CREATE("token.create", TokenCreate.class),
  TOKEN_CREATED("token.created", TokenCreated.class),
  TOKEN_REVOKE("token.revoke", TokenRevoke.class);

  private static final Map<String, MessageType> BY_WIRE_NAME = new HashMap<>();
  private static final Map<Class<?>, MessageType> BY_CLASS = new HashMap<>();

  static {
    for (MessageType t : values()) {
      BY_WIRE_NAME.put(t.wireName, t);
      BY_CLASS.put(t.recordClass, t);
    }
  }

  private final String wireName;
  private final Class<? extends Message> recordClass;

  MessageType(String wireName, Class<? extends Message> recordClass) {
    this.wireName = wireName;
    this.recordClass = recordClass;
  }

  /** The {@code type} string on the wire. */
  public String wireName() {
    return wireName;
  }

  /** The record class carrying this type. */
  public Class<? extends Message> recordClass() {
    return recordClass;
  }

  /** The type for a wire name, or {@code null} if no such type exists. */
  public static MessageType fromWireName(String wireName) {
    return BY_WIRE_NAME.get(wireName);
  }

  static MessageType of(Class<?> recordClass) {
    MessageType t = BY_CLASS.get(recordClass);
    if (t == null) {
      throw new IllegalArgumentException("not a message record: " + recordClass.getName());
    }
    return t;
  }
}
