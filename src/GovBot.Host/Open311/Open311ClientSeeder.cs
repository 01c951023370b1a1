using GovBot.Data;
using GovBot.Data.Reports;
using GovBot.Data.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GovBot.Host.Open311;

/// <summary>
/// Writes the clients of "Open311:Clients" into the store while the host starts (after migrations, before
/// requests are served). Additive: a key no longer in the configuration keeps working until an entry with
/// Active false revokes it, so that removing a line by mistake cannot cut a county system off silently.
/// </summary>
public sealed partial class Open311ClientSeeder(
    IDbContextFactory<GovBotDb> dbs, IOptions<Open311Options> options, TimeProvider time, ILogger<Open311ClientSeeder> log)
    : StartupSeeder
{
    public override async Task SeedAsync(CancellationToken ct = default)
    {
        var settings = options.Value.Clients;
        if (settings.Count == 0) return;
        await using var db = await dbs.CreateDbContextAsync(ct);
        var rows = await db.Open311Clients.ToListAsync(ct);
        foreach (var setting in settings)
        {
            var hash = Open311Keys.Hash(setting.ApiKey);
            var row = rows.FirstOrDefault(r => r.ApiKeyHash == hash);
            if (row is null)
            {
                if (!setting.Active) continue;
                row = new Open311Client { Name = setting.Name.Trim(), ApiKeyHash = hash, CreatedAt = time.GetUtcNow() };
                db.Open311Clients.Add(row);
                rows.Add(row);
                LogAdded(log, row.Name);
            }
            else
            {
                row.Name = setting.Name.Trim();
                if (row.Active && !setting.Active) LogRevoked(log, row.Name);
                row.Active = setting.Active;
            }
        }
        await db.SaveChangesAsync(ct);
    }


    [LoggerMessage(LogLevel.Information, "Open311 client {Name} provisioned")]
    private static partial void LogAdded(ILogger logger, string name);

    [LoggerMessage(LogLevel.Warning, "Open311 client {Name} revoked")]
    private static partial void LogRevoked(ILogger logger, string name);
}
