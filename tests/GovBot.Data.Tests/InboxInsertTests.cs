using GovBot.Data.Messaging;
using GovBot.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Data.Tests;

/// <summary>The one-statement insert of an accepted callback stores what EF would, and refuses a second delivery.</summary>
public sealed class InboxInsertTests
{
    private static InboxMessage Row(string dedupKey, string correlationId) => new()
    {
        DedupKey = dedupKey,
        UserId = "zhangli",
        MsgType = "text",
        PayloadXml = "<xml><Content><![CDATA[3号楼楼道堆满杂物]]></Content></xml>",
        ReceivedAt = new DateTimeOffset(2026, 11, 23, 9, 30, 15, TimeSpan.FromHours(8)),
        CorrelationId = correlationId,
    };

    [Fact]
    public async Task A_message_is_stored_once_with_every_field_and_a_second_delivery_is_refused()
    {
        using var store = new TestStore();
        await using (var setup = store.CreateDb()) await setup.Database.MigrateAsync();

        await using var db = store.CreateDb();
        var first = Row("msg-1001", "trace-a");
        Assert.True(await db.TryInsertAsync(first, CancellationToken.None));
        Assert.True(first.Id > 0);

        var again = Row("msg-1001", "trace-b");
        Assert.False(await db.TryInsertAsync(again, CancellationToken.None));
        Assert.True(await db.TryInsertAsync(Row("msg-1002", "trace-c"), CancellationToken.None));

        await using var check = store.CreateDb();
        var stored = await check.Inbox.AsNoTracking().Where(m => m.DedupKey == "msg-1001").ToListAsync();
        var row = Assert.Single(stored);
        Assert.Equal(first.Id, row.Id);
        Assert.Equal(("zhangli", "text", InboxStatus.Pending, 0, "trace-a"), (row.UserId, row.MsgType, row.Status, row.Attempts, row.CorrelationId));
        Assert.Equal(first.PayloadXml, row.PayloadXml);
        Assert.Equal(first.ReceivedAt, row.ReceivedAt);
        Assert.Null(row.ProcessedAt);
        Assert.Equal(2, await check.Inbox.CountAsync());
    }
}
