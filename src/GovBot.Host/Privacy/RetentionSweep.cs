using GovBot.Data;
using GovBot.Data.Privacy;
using GovBot.Data.Store;
using GovBot.Data.Teaching;
using GovBot.Skills.Reminders;
using Microsoft.Extensions.Options;

namespace GovBot.Host.Privacy;

/// <summary>
/// The nightly retention pass, run by the scheduler like a reminder (it pushes nothing): drops inbox payloads and old
/// report photos past <see cref="RetentionOptions"/>, and the missed messages kept for 「待学习」. Staff see it, and can pause it, on the reminders page.
/// </summary>
public sealed partial class RetentionSweep(
    GovBotDb db, StoreWriteGate gate, IOptions<RetentionOptions> options, TimeProvider time, ILogger<RetentionSweep> log) : IReminder
{
    public const string Kind = "retention";

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var o = options.Value;
        var dropped = await db.DropExpiredAsync(gate, now - o.InboxPayloads, now - o.ClosedReportPhotos, ct);
        if (dropped.Total > 0) LogDropped(log, dropped.InboxPayloads, dropped.ReportPhotos);
        var missed = await db.DropExpiredMissedAsync(gate, now - o.MissedMessages, ct);
        if (missed > 0) LogMissedDropped(log, missed);
        return 0;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: {Messages} message payloads and {Photos} report photos dropped")]
    private static partial void LogDropped(ILogger logger, int messages, int photos);

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: {Count} missed messages dropped from the review list")]
    private static partial void LogMissedDropped(ILogger logger, int count);
}
