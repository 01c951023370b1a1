using System.Threading.Channels;
using GovBot.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GovBot.Host.WeCom.CustomerService;

/// <summary>
/// Runs the pulls of this host: at once for an account a callback named, and every <c>SweepInterval</c> for every
/// account known (configured, or one that sent a callback before) in case a callback was lost. One account at a time.
/// </summary>
public sealed partial class CustomerServicePulls(
    CustomerServicePuller puller,
    IServiceScopeFactory scopes,
    IOptions<CustomerServiceOptions> options,
    TimeProvider time,
    ILogger<CustomerServicePulls> log) : BackgroundService
{
    private readonly Channel<string> _requests = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Asks for a pull of <paramref name="openKfId"/> soon.</summary>
    public void Signal(string openKfId) => _requests.Writer.TryWrite(openKfId);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var nextSweep = time.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            var due = new HashSet<string>(StringComparer.Ordinal);
            if (time.GetUtcNow() >= nextSweep)
            {
                due.UnionWith(await KnownAccountsAsync(stoppingToken));
                nextSweep = time.GetUtcNow() + options.Value.SweepInterval;
            }
            while (_requests.Reader.TryRead(out var requested)) due.Add(requested);
            foreach (var account in due) await PullOneAsync(account, stoppingToken);
            if (due.Count > 0) continue;

            using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            wait.CancelAfter(options.Value.SweepInterval);
            try
            {
                await _requests.Reader.WaitToReadAsync(wait.Token);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                // The sweep is due.
            }
        }
    }

    private async Task PullOneAsync(string openKfId, CancellationToken ct)
    {
        try
        {
            await puller.PullAsync(openKfId, ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            // An observer or the store failed: the cursor did not move, so the next pull reads the same page again.
            LogPullFailed(log, ex, openKfId);
        }
    }

    private async Task<List<string>> KnownAccountsAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<GovBotDb>();
            var stored = await db.CustomerServiceCursors.Select(c => c.OpenKfId).ToListAsync(ct);
            return [.. stored.Union(options.Value.SweptAccounts, StringComparer.Ordinal)];
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            LogSweepFailed(log, ex);
            return [.. options.Value.SweptAccounts];
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pulling customer-service account {OpenKfId} failed; its cursor stays, and the next pull reads the same messages again")]
    private static partial void LogPullFailed(ILogger logger, Exception ex, string openKfId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The customer-service sweep could not list the accounts; it pulls the configured ones only")]
    private static partial void LogSweepFailed(ILogger logger, Exception ex);
}
