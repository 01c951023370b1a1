namespace GovBot.Host.Turns;

/// <summary>
/// Starts a member's <see cref="InboxDrain"/> off the request, so a turn runs to its end even when the callback stops
/// waiting.
/// </summary>
public sealed partial class DrainLauncher(InboxDrain drain, IHostApplicationLifetime lifetime, ILogger<DrainLauncher> log)
{
    public void Start(string userId) => _ = RunAsync(userId);

    private async Task RunAsync(string userId)
    {
        try
        {
            await Task.Yield();
            await drain.DrainAsync(userId, lifetime.ApplicationStopping);
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            // Shutting down: the message stays pending and the next start finishes it.
        }
        catch (Exception ex)
        {
            LogDrainFailed(log, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Draining a user's inbox failed; the sweeper will retry")]
    private static partial void LogDrainFailed(ILogger logger, Exception ex);
}
