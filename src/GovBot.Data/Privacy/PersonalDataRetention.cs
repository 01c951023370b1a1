using GovBot.Data.Messaging;
using GovBot.Data.Store;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Data.Privacy;

/// <summary>What one retention pass dropped.</summary>
public sealed record RetentionResult(int InboxPayloads, int ReportPhotos)
{
    public int Total => InboxPayloads + ReportPhotos;
}

/// <summary>
/// Drops what residents said and sent once it is no longer needed. An inbox row keeps its dedup key and status, which
/// is all a redelivered callback is checked against; its decrypted XML and passive reply go. Photos of reports closed
/// long ago lose their bytes; the report itself (category, place, status, times) stays for the statistics.
/// </summary>
public static class PersonalDataRetention
{
    /// <summary>Rows per statement, so that a first pass over a long history never holds the write lock for long.</summary>
    public const int Batch = 500;

    public static async Task<RetentionResult> DropExpiredAsync(
        this GovBotDb db, StoreWriteGate gate, DateTimeOffset inboxBefore, DateTimeOffset photosBefore, CancellationToken ct)
    {
        db.EnsureWritable();
        var inbox = await InBatchesAsync(gate, ct, () => db.Inbox
            .Where(m => m.Status != InboxStatus.Pending && m.ReceivedAt < inboxBefore && (m.PayloadXml != "" || m.PassiveReply != null))
            .OrderBy(m => m.Id).Take(Batch)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.PayloadXml, "").SetProperty(m => m.PassiveReply, (string?)null), ct));

        // Closed (rated or rejected) long ago: nobody works from the pictures any more, and they show people and homes.
        var photos = await InBatchesAsync(gate, ct, () => db.ReportPhotos
            .Where(p => (p.Content != null || p.PicUrl != null)
                        && p.Report!.ClosedAt != null && p.Report.ClosedAt < photosBefore)
            .OrderBy(p => p.Id).Take(Batch)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Content, (byte[]?)null).SetProperty(p => p.PicUrl, (string?)null), ct));
        return new RetentionResult(inbox, photos);
    }

    private static async Task<int> InBatchesAsync(StoreWriteGate gate, CancellationToken ct, Func<Task<int>> batch)
    {
        var total = 0;
        while (true)
        {
            int done;
            using (await gate.EnterAsync(ct)) done = await batch();
            total += done;
            if (done < Batch) return total;
        }
    }
}
