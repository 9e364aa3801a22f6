package dev.vigil.agent.collect;

/**
 * One LED under {@code class/leds}.
 *
 * @param name the LED's directory name, e.g. {@code input3::capslock}
 * @param brightness current brightness; 0 is off
 * @param maxBrightness the largest brightness, or -1 when unknown
 * @param source the LED's directory
 */
public record Led(String name, long brightness, long maxBrightness, String source) {
  /** True when the LED is lit. */
  public boolean isOn() {
    return brightness > 0;
  }
}
