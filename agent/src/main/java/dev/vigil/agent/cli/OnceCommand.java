package dev.vigil.agent.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.vigil.agent.AgentConfig;
import dev.vigil.agent.HostSources;
import dev.vigil.agent.collect.SensorSampler;
import dev.vigil.agent.config.HostIdStore;
import dev.vigil.agent.inventory.InventoryScanner;
import dev.vigil.protocol.Inventory;
import dev.vigil.protocol.Message;
import dev.vigil.protocol.MessageCodec;
import dev.vigil.protocol.Sample;
import dev.vigil.protocol.SensorCatalog;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code vigil-agent once}: prints the full catalog (absent sensors with their reasons), one sample
 * and the inventory as pretty JSON, each in its protocol envelope, and exits.
 */
@Command(
    mixinStandardHelpOptions = true,
    name = "once",
    description = "Print the catalog, one sample and the inventory as JSON, then exit.")
public final class OnceCommand implements Callable<Integer> {
  @Mixin AgentOptions options = new AgentOptions();

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    AgentConfig config = options.resolve(System.getenv());
    String hostId = new HostIdStore(config.stateDir()).loadOrCreate();
    HostSources sources = HostSources.forThisMachine(config.sysfsRoot());
    SensorSampler sampler = new SensorSampler(sources.collectors());
    sampler.sample(); // baseline for loads and rates
    Thread.sleep(config.sampleInterval().toMillis());
    SensorSampler.Tick tick = sampler.sample();
    long now = System.currentTimeMillis();
    MessageCodec codec = MessageCodec.forRelayMessages();
    JsonObject out = new JsonObject();
    out.add("catalog", envelope(codec, new SensorCatalog(hostId, now, tick.sensors())));
    out.add("sample", envelope(codec, new Sample(hostId, now, tick.values())));
    out.add(
        "inventory",
        envelope(
            codec, new Inventory(hostId, now, new InventoryScanner(sources.devices()).scan())));
    spec.commandLine()
        .getOut()
        .println(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(out));
    spec.commandLine().getOut().flush();
    return 0;
  }

  private static JsonObject envelope(MessageCodec codec, Message m) {
    return JsonParser.parseString(codec.encode(m)).getAsJsonObject();
  }
}
