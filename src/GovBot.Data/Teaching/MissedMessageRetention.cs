using GovBot.Data.Store;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Data.Teaching;

public static class MissedMessageRetention
{
    /// <summary>Deletes review-list rows older than <paramref name="before"/>, in batches under the write gate.</summary>
    public static async Task<int> DropExpiredMissedAsync(this GovBotDb db, StoreWriteGate gate, DateTimeOffset before, CancellationToken ct)
    {
        db.EnsureWritable();
        var total = 0;
        while (true)
        {
            int done;
            using (await gate.EnterAsync(ct))
                done = await db.MissedMessages.Where(m => m.At < before).OrderBy(m => m.Id).Take(Privacy.PersonalDataRetention.Batch).ExecuteDeleteAsync(ct);
            total += done;
            if (done < Privacy.PersonalDataRetention.Batch) return total;
        }
    }
}
