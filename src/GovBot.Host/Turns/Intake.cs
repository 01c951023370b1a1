namespace GovBot.Host.Turns;

/// <summary>
/// A callback's message once stored: <paramref name="Answer"/> is the passive reply ("" for none) when its turn ran
/// inside the callback, null when a drain still has to run it.
/// </summary>
public sealed record Intake(Accepted Accepted, string? Answer);
