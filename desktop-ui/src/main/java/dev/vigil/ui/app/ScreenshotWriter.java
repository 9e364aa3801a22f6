package dev.vigil.ui.app;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/** Saves a scene as a PNG file (for documentation and demos). */
public final class ScreenshotWriter {
  private ScreenshotWriter() {}

  /** Renders the scene and writes it to {@code file}; call on the UI thread. */
  public static void write(Scene scene, Path file) throws IOException {
    WritableImage image = scene.snapshot(null);
    int width = (int) image.getWidth();
    int height = (int) image.getHeight();
    BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
    PixelReader pixels = image.getPixelReader();
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        out.setRGB(x, y, pixels.getArgb(x, y));
      }
    }
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    if (!ImageIO.write(out, "png", file.toFile())) {
      throw new IOException("no PNG writer available");
    }
  }
}
