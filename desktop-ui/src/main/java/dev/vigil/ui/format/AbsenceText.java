package dev.vigil.ui.format;

import dev.vigil.protocol.SensorInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Says why a kind of sensor has no readings, from the absent reasons the agent sent: in full, with
 * every distinct reason (host page, tooltips), or in brief, with only their causes (tiles). The
 * cause of "no fans reported (virtual machine: KVM)" is "virtual machine": the parenthesised part
 * up to its first colon, or, without parentheses, the reason's first clause. Stateless.
 */
public final class AbsenceText {
  private static final String CLAUSE_ENDS = ":;";

  private AbsenceText() {}

  /**
   * E.g. "No fan sensors: no fans reported (virtual machine: KVM)"; "No fan sensors" when no reason
   * was given.
   *
   * @param noun the kind of sensor, e.g. "fan"
   * @param sensors the absent sensors of that kind
   */
  public static String full(String noun, List<SensorInfo> sensors) {
    String reasons = String.join("; ", reasons(sensors));
    return reasons.isEmpty() ? none(noun) : none(noun) + ": " + reasons;
  }

  /**
   * E.g. "No fan sensors (virtual machine)": the distinct causes, the most frequent first; "No fan
   * sensors" when no reason was given.
   *
   * @param noun the kind of sensor, e.g. "fan"
   * @param sensors the absent sensors of that kind
   */
  public static String brief(String noun, List<SensorInfo> sensors) {
    Map<String, Long> causes =
        sensors.stream()
            .map(SensorInfo::absentReason)
            .filter(r -> r != null && !r.isBlank())
            .map(AbsenceText::causeOf)
            .collect(Collectors.groupingBy(c -> c, LinkedHashMap::new, Collectors.counting()));
    if (causes.isEmpty()) {
      return none(noun);
    }
    String text =
        causes.entrySet().stream()
            .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
            .map(Map.Entry::getKey)
            .collect(Collectors.joining("; "));
    return none(noun) + " (" + text + ")";
  }

  /**
   * The cause in one absent reason: "virtual machine" from "no CPU temperature sensor exposed
   * (virtual machine: KVM)", "read failed" from "read failed: permission denied", the whole reason
   * when it has neither parentheses nor a colon.
   */
  public static String causeOf(String reason) {
    String text = reason.strip();
    int open = text.indexOf('(');
    int close = text.indexOf(')', open + 1);
    if (open >= 0 && close > open + 1) {
      text = text.substring(open + 1, close);
    }
    for (int i = 0; i < text.length(); i++) {
      if (CLAUSE_ENDS.indexOf(text.charAt(i)) >= 0 && i > 0) {
        return text.substring(0, i).strip();
      }
    }
    return text.strip();
  }

  private static List<String> reasons(List<SensorInfo> sensors) {
    return sensors.stream()
        .map(SensorInfo::absentReason)
        .filter(r -> r != null && !r.isBlank())
        .distinct()
        .toList();
  }

  private static String none(String noun) {
    return "No " + noun + " sensors";
  }
}
