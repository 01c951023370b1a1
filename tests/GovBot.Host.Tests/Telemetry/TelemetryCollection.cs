namespace GovBot.Host.Tests.Telemetry;

/// <summary>
/// OpenTelemetry listens to meters and activity sources by name, process-wide: a test host's exporters would also see
/// the figures and spans of every other test host running beside it. These tests count exactly, so they run alone.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "Telemetry, alone";
}
