using GovBot.Data.Messaging;
using GovBot.Data.Privacy;
using GovBot.Data.Store;
using GovBot.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Data.Tests;

/// <summary>Retention drops what residents wrote once handled and old, and keeps what de-duplication needs.</summary>
public sealed class PersonalDataRetentionTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 3, 15, 0, TimeSpan.FromHours(8));
    private readonly TestStore _store = new();

    public void Dispose() => _store.Dispose();

    private static InboxMessage Row(string dedupKey, InboxStatus status, TimeSpan age) => new()
    {
        DedupKey = dedupKey,
        UserId = "zhangli",
        MsgType = "text",
        PayloadXml = "<xml><Content><![CDATA[我是张丽，电话13800000000]]></Content></xml>",
        ReceivedAt = Now - age,
        Status = status,
        PassiveReply = status == InboxStatus.Done ? "已上报！" : null,
    };

    [Fact]
    public async Task Old_handled_payloads_are_dropped_and_a_redelivery_is_still_a_duplicate()
    {
        await using (var setup = _store.CreateDb()) await setup.Database.MigrateAsync();
        await using (var db = _store.CreateDb())
        {
            foreach (var row in new[]
                     {
                         Row("old-done", InboxStatus.Done, TimeSpan.FromDays(40)),
                         Row("old-failed", InboxStatus.Failed, TimeSpan.FromDays(40)),
                         // Not handled yet: its turn still needs the text, however old.
                         Row("old-pending", InboxStatus.Pending, TimeSpan.FromDays(40)),
                         Row("recent-done", InboxStatus.Done, TimeSpan.FromDays(2)),
                     })
                Assert.True(await db.TryInsertAsync(row, CancellationToken.None));
        }

        RetentionResult dropped;
        await using (var db = _store.CreateDb())
            dropped = await db.DropExpiredAsync(new StoreWriteGate(), Now - TimeSpan.FromDays(30), Now - TimeSpan.FromDays(180), CancellationToken.None);

        Assert.Equal(2, dropped.InboxPayloads);
        await using var check = _store.CreateDb();
        var rows = await check.Inbox.AsNoTracking().ToDictionaryAsync(m => m.DedupKey);
        Assert.Equal(4, rows.Count);
        Assert.All(new[] { rows["old-done"], rows["old-failed"] }, m =>
        {
            Assert.Equal("", m.PayloadXml);
            Assert.Null(m.PassiveReply);
        });
        Assert.Equal(InboxStatus.Done, rows["old-done"].Status);
        Assert.Contains("13800000000", rows["old-pending"].PayloadXml);
        Assert.Contains("13800000000", rows["recent-done"].PayloadXml);

        // WeCom delivering the old message again finds its key and is refused, as before the sweep.
        Assert.False(await check.TryInsertAsync(Row("old-done", InboxStatus.Pending, TimeSpan.Zero), CancellationToken.None));

        // A second pass finds nothing more to drop.
        Assert.Equal(0, (await check.DropExpiredAsync(new StoreWriteGate(), Now - TimeSpan.FromDays(30), Now - TimeSpan.FromDays(180), CancellationToken.None)).Total);
    }
}
