package dev.vigil.server.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** New token secrets, and the SHA-256 hashes and ids the relay keeps instead of them. */
public final class TokenSecrets {
  /** Random bytes in a new secret: 256 bits. */
  public static final int SECRET_BYTES = 32;

  /** Hex digits of the SHA-256 that make a token's id (48 bits: a fingerprint, not a secret). */
  public static final int ID_HEX_DIGITS = 12;

  /** Hex digits of a whole SHA-256. */
  public static final int SHA256_HEX_DIGITS = 64;

  private static final SecureRandom RANDOM = new SecureRandom();

  private TokenSecrets() {}

  /** A new secret: {@link #SECRET_BYTES} from {@link SecureRandom}, base64url without padding. */
  public static String newSecret() {
    byte[] bytes = new byte[SECRET_BYTES];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The SHA-256 of the secret's UTF-8 bytes, in lowercase hex. */
  public static String sha256(String secret) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** The id of the token whose secret hashes to {@code sha256}: its first hex digits. */
  public static String idOfHash(String sha256) {
    return sha256.substring(0, ID_HEX_DIGITS);
  }

  /** True when {@code text} reads as a SHA-256 in lowercase hex. */
  public static boolean isSha256(String text) {
    return text != null && text.length() == SHA256_HEX_DIGITS && text.matches("[0-9a-f]+");
  }
}
