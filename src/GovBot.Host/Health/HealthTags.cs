namespace GovBot.Host.Health;

/// <summary>
/// Which checks answer which probe. Liveness runs none (the process answering is the whole question: restarting it
/// would not bring Redis back); readiness runs every check, and a check tagged <see cref="Ready"/> is one whose failure
/// means this instance cannot take callbacks or push answers now.
/// </summary>
public static class HealthTags
{
    public const string Ready = "ready";
}
