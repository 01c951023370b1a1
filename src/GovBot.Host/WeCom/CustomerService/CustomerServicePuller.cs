using GovBot.Data;
using GovBot.Data.CustomerService;
using GovBot.Data.Store;
using GovBot.Host.Turns;
using GovBot.Host.WeCom.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GovBot.Host.WeCom.CustomerService;

/// <summary>
/// Pulls one customer-service account with kf/sync_msg from its stored cursor, page after page, while this host holds
/// the account's claim in the store (one puller per account across hosts, on SQLite and PostgreSQL alike). A callback
/// that arrives while another host pulls only marks the account requested; the puller pulls once more before it lets go.
/// </summary>
public sealed partial class CustomerServicePuller(
    IServiceScopeFactory scopes,
    KfBatchWriter writer,
    DrainLauncher drains,
    StoreWriteGate gate,
    TimeProvider time,
    IOptions<CustomerServiceOptions> options,
    ILogger<CustomerServicePuller> log)
{
    private readonly string _claimant = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>Records a callback: the account has something new, and its token lifts sync_msg's limit for a while.</summary>
    public async Task RequestAsync(string openKfId, string? token, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GovBotDb>();
        var now = time.GetUtcNow();
        DateTimeOffset? expires = token is null ? null : now + CustomerServiceOptions.TokenLifetime;
        using var passage = await gate.EnterAsync(ct);
        await EnsureRowAsync(db, openKfId, ct);
        await db.CustomerServiceCursors.Where(c => c.OpenKfId == openKfId).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.RequestedAt, now)
            .SetProperty(c => c.Token, c => token ?? c.Token)
            .SetProperty(c => c.TokenExpiresAt, c => expires ?? c.TokenExpiresAt), ct);
    }

    /// <summary>Pulls until WeCom has nothing more; returns the messages and events read, or 0 when another host pulls.</summary>
    public async Task<int> PullAsync(string openKfId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GovBotDb>();
        var api = scope.ServiceProvider.GetRequiredService<ICustomerServiceApi>();
        if (!await ClaimAsync(db, openKfId, ct)) return 0;
        var read = 0;
        try
        {
            DateTimeOffset started;
            CustomerServiceCursor row;
            do
            {
                started = time.GetUtcNow();
                bool more;
                do
                {
                    row = await db.CustomerServiceCursors.AsNoTracking().SingleAsync(c => c.OpenKfId == openKfId, ct);
                    if (await SyncAsync(db, api, row, ct) is not { } page) return read;
                    read += page.MsgList?.Count ?? 0;
                    foreach (var identity in await writer.WriteAsync(openKfId, row.Cursor, page, _claimant, ct)) drains.Start(identity);
                    more = page.HasMore == 1 && page.NextCursor is { Length: > 0 } next && next != row.Cursor;
                }
                while (more);
                row = await db.CustomerServiceCursors.AsNoTracking().SingleAsync(c => c.OpenKfId == openKfId, ct);
            }
            // A callback came while this pull ran: what it announced may have landed after the last page.
            while (row.RequestedAt > started);
            return read;
        }
        catch (PullClaimLost)
        {
            LogClaimLost(log, openKfId);
            return read;
        }
        finally
        {
            using var passage = await gate.EnterAsync(CancellationToken.None);
            await db.CustomerServiceCursors.Where(c => c.OpenKfId == openKfId && c.ClaimedBy == _claimant)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.ClaimedUntil, (DateTimeOffset?)null), CancellationToken.None);
        }
    }

    /// <summary>One page, or null when WeCom cannot be had now (the sweep tries again).</summary>
    private async Task<KfSyncResult?> SyncAsync(GovBotDb db, ICustomerServiceApi api, CustomerServiceCursor row, CancellationToken ct)
    {
        var token = row.TokenExpiresAt > time.GetUtcNow() ? row.Token : null;
        try
        {
            var page = await api.SyncAsync(new KfSyncRequest(row.Cursor, token, options.Value.SyncLimit, row.OpenKfId), ct);
            if (page.ErrCode == KfErrors.InvalidToken && token is not null)
            {
                // The token lapsed early; without it sync_msg still answers, only less often.
                using (await gate.EnterAsync(ct))
                    await db.CustomerServiceCursors.Where(c => c.OpenKfId == row.OpenKfId)
                        .ExecuteUpdateAsync(s => s.SetProperty(c => c.TokenExpiresAt, (DateTimeOffset?)null), ct);
                page = await api.SyncAsync(new KfSyncRequest(row.Cursor, null, options.Value.SyncLimit, row.OpenKfId), ct);
            }
            if (page.IsOk) return page;
            LogSyncRefused(log, row.OpenKfId, page.ErrCode, page.ErrMsg);
            return null;
        }
        catch (WeComTransientException ex)
        {
            LogSyncFailed(log, row.OpenKfId, ex.Message);
            return null;
        }
    }

    private async Task<bool> ClaimAsync(GovBotDb db, string openKfId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var until = now + options.Value.PullLease;
        using var passage = await gate.EnterAsync(ct);
        await EnsureRowAsync(db, openKfId, ct);
        return await db.CustomerServiceCursors
            .Where(c => c.OpenKfId == openKfId && (c.ClaimedUntil == null || c.ClaimedUntil < now || c.ClaimedBy == _claimant))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ClaimedBy, _claimant).SetProperty(c => c.ClaimedUntil, until), ct) == 1;
    }

    private static Task EnsureRowAsync(GovBotDb db, string openKfId, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync(
            """INSERT INTO "CustomerServiceCursors" ("OpenKfId") VALUES ({0}) ON CONFLICT ("OpenKfId") DO NOTHING""", [openKfId], ct);

    [LoggerMessage(Level = LogLevel.Warning, Message = "kf/sync_msg for {OpenKfId} refused with errcode {ErrCode} {ErrMsg}; check the account and the app's customer-service permission (docs/customer-service.md)")]
    private static partial void LogSyncRefused(ILogger logger, string openKfId, int errCode, string? errMsg);

    [LoggerMessage(Level = LogLevel.Warning, Message = "kf/sync_msg for {OpenKfId} failed ({Error}); the sweep pulls again")]
    private static partial void LogSyncFailed(ILogger logger, string openKfId, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The pull of {OpenKfId} was taken over by another host after this one stalled past its lease; its last page was rolled back")]
    private static partial void LogClaimLost(ILogger logger, string openKfId);
}
