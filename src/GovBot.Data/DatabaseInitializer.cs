using GovBot.Data.Seeding;
using GovBot.Data.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GovBot.Data;

/// <summary>
/// Brings the store up to date when the host starts: applies pending EF migrations, seeds the demo counties if
/// <see cref="DataOptions.SeedDemoCounty"/> is on and the store is empty, and refuses a demo store in real mode.
/// It works in <see cref="StartingAsync"/>, which the host runs before any hosted service's
/// StartAsync, so that dispatchers and schedulers never see an old schema whatever their
/// registration order. A failure stops the host: serving on a half-migrated store is worse.
/// </summary>
public sealed class DatabaseInitializer(
    IDbContextFactory<GovBotDb> contexts,
    IOptions<DataOptions> options,
    DemoStore demo,
    TimeProvider time,
    ILogger<DatabaseInitializer> logger) : IHostedLifecycleService
{
    /// <summary>Migrates, then seeds when enabled; safe to call again (every step is idempotent).</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
            logger.LogInformation("Applying {Count} migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
        await db.Database.MigrateAsync(cancellationToken);

        var seeded = false;
        if (options.Value.SeedDemoCounty == true)
        {
            seeded = await new DemoCountySeeder(time).SeedAsync(db, cancellationToken);
            if (await new DemoServicesSeeder(time).SeedAsync(db, cancellationToken))
                logger.LogInformation("Seeded the demo volunteer service fair");
            if (db.Database.IsPostgres()) await PostgresStore.ResyncIdentitiesAsync(db, cancellationToken);
        }

        demo.HoldsDemoCounty = await db.StoreFacts.AnyAsync(f => f.Key == StoreFact.DemoCounty, cancellationToken);
        if (demo.HoldsDemoCounty && options.Value.RefuseDemoStore)
            throw new InvalidOperationException(
                "This store holds the made-up demo county (invented people such as the county admin 'baiyunfei'), and the "
                + "host runs in real mode (WeCom:CorpId is set). Start real mode on an empty store (Data:ConnectionString), "
                + "or set Data:SeedDemoCounty=true to keep the demo on purpose.");
        if (demo.HoldsDemoCounty)
            logger.LogWarning(seeded
                ? "DEMO DATA: seeded the made-up demo counties (清徐县, 襄垣县) and their invented people into an empty store"
                : "DEMO DATA: this store holds the made-up demo counties (清徐县, 襄垣县) and their invented people");
    }

    public Task StartingAsync(CancellationToken cancellationToken) => InitializeAsync(cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
