package dev.vigil.agent;

import dev.vigil.agent.cli.AgentOptions;
import dev.vigil.agent.cli.OnceCommand;
import dev.vigil.agent.cli.RunCommand;
import dev.vigil.agent.cli.SimulateCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The {@code vigil-agent} command line: {@code run} (the default), {@code once}, {@code simulate}.
 * Only bootstraps; each command does its one job.
 *
 * <p>Suggested JVM flags for a light agent at 1 Hz (target ≤ 0.3 CPU-s/min, ≤ 64 MB RSS):
 *
 * <pre>
 * java -Xmx32m -Xss256k -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1
 *      -XX:MaxMetaspaceSize=48m -XX:ReservedCodeCacheSize=16m -Xshare:auto
 *      -jar vigil-agent.jar run --relay ws://relay:8787 --token ...
 * </pre>
 */
@Command(
    name = "vigil-agent",
    mixinStandardHelpOptions = true,
    versionProvider = AgentMain.Version.class,
    description = "Reads sensors and devices and pushes them to a Vigil relay.",
    subcommands = {RunCommand.class, OnceCommand.class, SimulateCommand.class})
public final class AgentMain implements Callable<Integer> {
  @Mixin AgentOptions options = new AgentOptions();

  /** Without a subcommand, the agent runs. */
  @Override
  public Integer call() throws InterruptedException {
    return new RunCommand(options).call();
  }

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command line, for tests and embedding. */
  public static CommandLine commandLine() {
    return new CommandLine(new AgentMain());
  }

  /** Prints the agent version. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"vigil-agent " + Agent.softwareVersion()};
    }
  }
}
