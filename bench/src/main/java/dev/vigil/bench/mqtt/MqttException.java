package dev.vigil.bench.mqtt;

import java.io.IOException;

/** The broker sent a packet this client cannot read; the connection ends. */
public final class MqttException extends IOException {
  private static final long serialVersionUID = 1L;

  public MqttException(String message) {
    super(message);
  }
}
