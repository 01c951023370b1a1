using Microsoft.Extensions.Hosting;

namespace GovBot.Data.Seeding;

/// <summary>
/// Reference data a feature needs before the first request: written while the host starts, after the
/// migrations (registered after <see cref="DatabaseInitializer"/>), and only where it is missing, so a
/// county's own edits survive every restart.
/// </summary>
public abstract class StartupSeeder : IHostedLifecycleService
{
    /// <summary>Writes what is missing; safe to run again. Public so tests can seed a store of their own.</summary>
    public abstract Task SeedAsync(CancellationToken ct = default);

    Task IHostedLifecycleService.StartingAsync(CancellationToken ct) => SeedAsync(ct);
    Task IHostedService.StartAsync(CancellationToken ct) => Task.CompletedTask;
    Task IHostedLifecycleService.StartedAsync(CancellationToken ct) => Task.CompletedTask;
    Task IHostedLifecycleService.StoppingAsync(CancellationToken ct) => Task.CompletedTask;
    Task IHostedService.StopAsync(CancellationToken ct) => Task.CompletedTask;
    Task IHostedLifecycleService.StoppedAsync(CancellationToken ct) => Task.CompletedTask;
}
