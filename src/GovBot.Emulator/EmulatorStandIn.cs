using Microsoft.Extensions.Options;

namespace GovBot.Emulator;

/// <summary>
/// The emulator's one stand-in of WeCom's API, started on first use. WeCom options are built (and
/// validated) synchronously when the host starts and must already name the stand-in's address, so the
/// first touch, from that post-configuration, starts it then and there.
/// </summary>
public sealed class EmulatorStandIn(IOptions<EmulatorOptions> options, TimeProvider time) : IAsyncDisposable
{
    private readonly Lazy<WeComApiStandIn> _standIn = new(() => Start(options.Value, time), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The running stand-in; starts it if need be.</summary>
    public WeComApiStandIn Instance => _standIn.Value;

    public bool IsStarted => _standIn.IsValueCreated;

    private static WeComApiStandIn Start(EmulatorOptions options, TimeProvider time)
    {
        var standInOptions = new WeComStandInOptions
        {
            CorpId = EmulatorCredentials.CorpId,
            CorpSecret = EmulatorCredentials.Secret,
            AgentId = EmulatorCredentials.AgentId,
            Port = options.StandInPort,
            Time = time,
        };
        // Blocking is safe here: ASP.NET Core has no synchronization context, and Kestrel binds at once.
        return WeComApiStandIn.StartAsync(standInOptions).GetAwaiter().GetResult();
    }

    public async ValueTask DisposeAsync()
    {
        if (_standIn.IsValueCreated) await _standIn.Value.DisposeAsync();
    }
}
