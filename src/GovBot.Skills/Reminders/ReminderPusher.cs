using GovBot.Data;
using GovBot.Skills.Conversation;
using Microsoft.Extensions.Options;

namespace GovBot.Skills.Reminders;

/// <summary>Writes and commits one reminder push, held back past the kind's quiet hours; false when its key was already pushed.</summary>
public sealed class ReminderPusher(GovBotDb db, TimeProvider time, IOptions<ReminderOptions> options)
{
    public async Task<bool> PushAsync(string kind, string sourceKey, string text, IReadOnlyCollection<string> to, CancellationToken ct)
    {
        if (to.Count == 0) return false;
        var now = time.GetUtcNow();
        var push = new OutboxPush(new TextPart(text), to)
        {
            SourceKey = sourceKey,
            NotBefore = options.Value.QuietHoursFor(kind).NotBefore(now),
        };
        if (await db.EnqueuePushAsync(push, now, ct) is null) return false;
        // Saved one by one: a key another host took in the same instant costs only that push.
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
