package dev.vigil.server.link;

import java.util.Arrays;
import java.util.Locale;

/**
 * What an operator token allows on the relay. Each role may do what the one before it may, and
 * more: viewers read; operators also acknowledge, silence and send commands; admins also edit rules
 * and manage tokens.
 */
public enum OperatorRole {
  /** Reads hosts, alerts, rules and silences. */
  VIEWER,
  /** Also acknowledges alerts, puts and deletes silences, and sends commands to agents. */
  OPERATOR,
  /** Also puts and deletes alert rules, and creates and revokes tokens. */
  ADMIN;

  /**
   * The role of a token written in the plain {@code token → name} form: admin, because those tokens
   * could do everything before roles existed, and deployments that upgrade must keep working.
   */
  public static final OperatorRole PLAIN_TOKEN_ROLE = ADMIN;

  /** The name in config files and in {@code welcome.role}, e.g. {@code operator}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether this role may do everything {@code other} may. */
  public boolean atLeast(OperatorRole other) {
    return compareTo(other) >= 0;
  }

  /** The role named {@code name}, or {@code null} when there is none. */
  public static OperatorRole byWireName(String name) {
    return Arrays.stream(values()).filter(r -> r.wireName().equals(name)).findFirst().orElse(null);
  }
}
