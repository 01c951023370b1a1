using GovBot.Data.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GovBot.Data;

/// <summary>
/// Brings the store up to date when the host starts: applies pending EF migrations, then seeds the
/// demo counties if <see cref="DataOptions.SeedDemoCounty"/> is on and the store is empty.
/// It works in <see cref="StartingAsync"/>, which the host runs before any hosted service's
/// StartAsync, so that dispatchers and schedulers never see an old schema whatever their
/// registration order. A failure stops the host: serving on a half-migrated store is worse.
/// </summary>
public sealed class DatabaseInitializer(
    IDbContextFactory<GovBotDb> contexts,
    IOptions<DataOptions> options,
    TimeProvider time,
    ILogger<DatabaseInitializer> logger) : IHostedLifecycleService
{
    /// <summary>Migrates, then seeds when enabled; safe to call again (both steps are idempotent).</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
            logger.LogInformation("Applying {Count} migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
        await db.Database.MigrateAsync(cancellationToken);

        if (!options.Value.SeedDemoCounty)
            return;
        if (await new DemoCountySeeder(time).SeedAsync(db, cancellationToken))
            logger.LogInformation("Seeded the demo counties (清徐县, 襄垣县) into an empty store");
        if (await new DemoServicesSeeder(time).SeedAsync(db, cancellationToken))
            logger.LogInformation("Seeded the demo volunteer service fair");
    }

    public Task StartingAsync(CancellationToken cancellationToken) => InitializeAsync(cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
