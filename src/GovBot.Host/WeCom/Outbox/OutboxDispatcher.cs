using GovBot.Data.Messaging;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GovBot.Host.WeCom.Outbox;

/// <summary>
/// Runs <see cref="OutboxSender"/> passes for the life of the host: at once after a
/// <see cref="Signal"/>, otherwise every <see cref="OutboxOptions.PollInterval"/>.
/// </summary>
public sealed class OutboxDispatcher(
    OutboxSender sender,
    TimeProvider time,
    IOptions<OutboxOptions> options,
    OutboxMetrics gauges,
    ILogger<OutboxDispatcher> logger) : BackgroundService, IOutboxSignal
{
    /// <summary>The outbox gauges, which exist for as long as the dispatcher runs.</summary>
    public OutboxMetrics Gauges => gauges;

    // One slot is enough: any number of signals before the next pass mean the same thing.
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Signal() => _wake.Writer.TryWrite(true);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // never hold up host start with the first pass
        while (!stoppingToken.IsCancellationRequested)
        {
            var taken = 0;
            try
            {
                taken = await sender.RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // E.g. the database is unreachable; rows stay where they are and the next pass tries again.
                logger.LogError(ex, "Outbox pass failed");
            }

            if (taken < options.Value.RowsPerPass) await WaitForWorkAsync(stoppingToken);
        }
    }

    private async Task WaitForWorkAsync(CancellationToken stoppingToken)
    {
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var poll = Task.Delay(options.Value.PollInterval, time, waiting.Token);
        var signalled = _wake.Reader.WaitToReadAsync(waiting.Token).AsTask();
        await Task.WhenAny(poll, signalled);
        await waiting.CancelAsync();
        _wake.Reader.TryRead(out _);
    }
}
