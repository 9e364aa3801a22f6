package dev.vigil.server.config;

import dev.vigil.server.files.OwnerOnlyFiles;
import dev.vigil.server.token.TokenSecrets;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives a relay without configured tokens one agent and one operator token: generated on first
 * start and kept in {@code <dataDir>/tokens.properties} (owner read/write only where the file
 * system supports it), read back on later starts. The secrets are never logged; the path is.
 */
public final class TokenStore {
  /** File name inside the data dir. */
  public static final String FILE_NAME = "tokens.properties";

  /** Operator name given to the generated operator token. */
  public static final String GENERATED_OPERATOR = "admin";

  private static final String AGENT_KEY = "agent.token";
  private static final String OPERATOR_KEY = "operator.token";
  private static final String OPERATOR_NAME_KEY = "operator.name";
  private static final Logger log = LoggerFactory.getLogger(TokenStore.class);

  private TokenStore() {}

  /** {@code config} unchanged if it has tokens; otherwise with the stored or generated ones. */
  public static RelayConfig ensureTokens(RelayConfig config) throws IOException {
    if (!config.hasNoTokens()) {
      return config;
    }
    Path file = config.dataDir().resolve(FILE_NAME);
    Properties p = Files.exists(file) ? read(file) : generate(file);
    String agent = require(p, AGENT_KEY, file);
    String operator = require(p, OPERATOR_KEY, file);
    String name = p.getProperty(OPERATOR_NAME_KEY, GENERATED_OPERATOR);
    return config.withAgentTokens(Set.of(agent)).withOperatorTokens(Map.of(operator, name));
  }

  private static Properties read(Path file) throws IOException {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    }
    log.info("No tokens configured; using the tokens in {}", file);
    return p;
  }

  private static Properties generate(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    Properties p = new Properties();
    p.setProperty(AGENT_KEY, TokenSecrets.newSecret());
    p.setProperty(OPERATOR_KEY, TokenSecrets.newSecret());
    p.setProperty(OPERATOR_NAME_KEY, GENERATED_OPERATOR);
    createOwnerOnly(file);
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      p.store(w, "Vigil relay tokens, generated on first start. Keep this file secret.");
    }
    log.info(
        "No tokens configured; generated an agent and an operator token in {} (owner-only)", file);
    return p;
  }

  private static void createOwnerOnly(Path file) throws IOException {
    try {
      if (!OwnerOnlyFiles.create(file)) {
        log.warn(
            "Cannot restrict permissions of {} on this file system; protect it yourself", file);
      }
    } catch (FileAlreadyExistsException e) {
      throw new IOException("token file appeared while generating it: " + file, e);
    }
  }

  private static String require(Properties p, String key, Path file) {
    String value = p.getProperty(key);
    if (value == null || value.isBlank()) {
      throw new ConfigException(file + ": missing '" + key + "'");
    }
    return value.trim();
  }
}
