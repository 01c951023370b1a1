namespace GovBot.Emulator;

/// <summary>Says where the chat page is once the host listens, so whoever ran it knows where to click.</summary>
internal sealed partial class EmulatorAnnouncer(
    EmulatorStandIn standIn, EmulatorLoopback loopback, ILogger<EmulatorAnnouncer> log)
    : IHostedLifecycleService
{
    public Task StartedAsync(CancellationToken cancellationToken)
    {
        // Read from the server rather than configuration: a port of 0 becomes a real one only now.
        string page;
        try
        {
            page = new Uri(loopback.BaseAddress, EmulatorExtensions.PagePath.TrimStart('/')).ToString();
        }
        catch (InvalidOperationException)
        {
            page = EmulatorExtensions.PagePath; // an in-memory test server has no address
        }
        LogEmulator(log, page, standIn.Instance.BaseUrl);
        return Task.CompletedTask;
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Emulator: chat as anyone in the store at {Page}; WeCom API stand-in at {StandIn}")]
    private static partial void LogEmulator(ILogger logger, string page, string standIn);
}
