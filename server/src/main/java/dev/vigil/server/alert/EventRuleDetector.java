package dev.vigil.server.alert;

import dev.vigil.protocol.Device;
import dev.vigil.protocol.DeviceEvent;
import dev.vigil.protocol.DeviceKind;
import dev.vigil.protocol.EventKind;
import dev.vigil.protocol.RuleKind;
import dev.vigil.protocol.Severity;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An event rule ({@code device.added}, {@code device.removed}, {@code led.changed}): a matching
 * event fires an alert at once, one per device. A {@code device.added} alert resolves when the
 * device is removed again, a {@code device.removed} alert when it is added again, and a {@code
 * led.changed} alert when the LED is back where it was before the change that raised it. The
 * pre-change attributes of LEDs with an alert raised are kept in {@link LedBaselines}; not
 * thread-safe (core thread).
 */
public final class EventRuleDetector implements AlertDetector {
  private final String ruleId;
  private final RuleKind kind;
  private final HostSelector hosts;
  private final DeviceKind deviceKind;
  private final Severity severity;
  private final String template;
  private final LedBaselines ledBaselines;

  /**
   * @param deviceKind only devices of this kind; {@code null} for any
   * @param template the message template; {@code null} for the relay's own wording
   * @param ledBaselines where LEDs with an alert up were before, shared by every detector
   */
  public EventRuleDetector(
      String ruleId,
      RuleKind kind,
      String hostGlob,
      Map<String, String> labels,
      DeviceKind deviceKind,
      Severity severity,
      String template,
      LedBaselines ledBaselines) {
    if (kind == RuleKind.THRESHOLD || kind == RuleKind.AGENT_OFFLINE) {
      throw new IllegalArgumentException("not a device event rule kind: " + kind);
    }
    this.ruleId = ruleId;
    this.kind = kind;
    this.hosts = new HostSelector(hostGlob, labels);
    this.deviceKind = deviceKind;
    this.severity = severity;
    this.template = template;
    this.ledBaselines = ledBaselines;
  }

  @Override
  public void onEvent(AlertHost host, DeviceEvent event, List<Observation> out) {
    Device device = event.device();
    if (deviceKind != null && device.kind() != deviceKind) {
      return;
    }
    if (!hosts.matches(host)) {
      return;
    }
    Boolean verdict = verdict(event.kind());
    if (verdict == null) {
      return;
    }
    AlertKey key = new AlertKey(ruleId, host.hostId(), device.kind() + ":" + device.id());
    boolean raise = kind == RuleKind.LED_CHANGED ? ledStillChanged(key, event) : verdict;
    out.add(
        new Observation(
            key,
            ruleId,
            host.hostId(),
            host.hostName(),
            null,
            severity,
            Duration.ZERO,
            raise,
            !raise,
            null,
            null,
            () -> describe(host, device)));
  }

  /** Whether the LED differs from where it was before its alert was raised. */
  private boolean ledStillChanged(AlertKey key, DeviceEvent event) {
    Map<String, String> baseline = ledBaselines.get(key);
    if (baseline == null) {
      ledBaselines.put(key, event.previous() == null ? Map.of() : event.previous());
      return true;
    }
    Map<String, String> now = event.device().attributes();
    for (Map.Entry<String, String> e : baseline.entrySet()) {
      if (!e.getValue().equals(now == null ? null : now.get(e.getKey()))) {
        return true;
      }
    }
    ledBaselines.remove(key);
    return false;
  }

  /** True to raise, false to clear, null when the event says nothing to this rule. */
  private Boolean verdict(EventKind event) {
    return switch (kind) {
      case DEVICE_ADDED ->
          event == EventKind.DEVICE_ADDED
              ? Boolean.TRUE
              : event == EventKind.DEVICE_REMOVED ? Boolean.FALSE : null;
      case DEVICE_REMOVED ->
          event == EventKind.DEVICE_REMOVED
              ? Boolean.TRUE
              : event == EventKind.DEVICE_ADDED ? Boolean.FALSE : null;
      case LED_CHANGED -> event == EventKind.LED_CHANGED ? Boolean.TRUE : null;
      case THRESHOLD, AGENT_OFFLINE -> null;
    };
  }

  private String describe(AlertHost host, Device device) {
    String what =
        switch (kind) {
          case DEVICE_ADDED -> "added to";
          case DEVICE_REMOVED -> "removed from";
          default -> "changed on";
        };
    if (template == null) {
      return DeviceRemovedDetector.kindName(device.kind())
          + " "
          + device.name()
          + " ("
          + device.id()
          + ") "
          + what
          + " "
          + host.hostName();
    }
    Map<String, String> values = new HashMap<>();
    values.put("host", host.hostName());
    values.put("hostId", host.hostId());
    values.put("device", device.name() + " (" + device.id() + ")");
    values.put("rule", ruleId);
    values.put("severity", severity.name().toLowerCase(Locale.ROOT));
    return MessageTemplate.render(template, values);
  }
}
