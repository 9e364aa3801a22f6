package dev.vigil.protocol;

/**
 * Dashboard → relay → agent: something for one host's agent to do. The relay forwards it to the
 * host's connected agent and the agent's {@link Result}, with the same request id, back to the
 * dashboard that asked; if the host is not connected, or its agent does not answer in time, the
 * relay answers with a failed result itself.
 *
 * @param requestId chosen by the dashboard, echoed in the result
 * @param hostId the host whose agent should act
 * @param action what to do
 * @param intervalMs for {@link CommandAction#SET_SAMPLE_INTERVAL}: the new sampling interval
 */
public record Command(
    String requestId, String hostId, CommandAction action, @OptionalField Long intervalMs)
    implements Message {}
