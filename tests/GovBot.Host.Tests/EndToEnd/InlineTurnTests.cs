using GovBot.Data.Messaging;
using GovBot.Data.Seeding;
using GovBot.Host.Tests.WeCom;
using GovBot.Host.Tests.WeCom.Crypto;
using GovBot.Host.Turns;
using GovBot.Host.WeCom.Xml;
using GovBot.Skills.Conversation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovBot.Host.Tests.EndToEnd;

/// <summary>
/// A message whose member has nothing else waiting, and whose turn only reads, is answered inside its own callback
/// and stored already answered. Members see the same answers, in the order they wrote, and a repeat of the same
/// delivery still gets the first answer.
/// </summary>
public sealed class InlineTurnTests : IAsyncLifetime
{
    private BotHost _bot = null!;

    public async Task InitializeAsync() => _bot = await BotHost.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task A_question_is_stored_answered_and_a_repeated_delivery_gets_the_same_answer()
    {
        var xml = WeComInboundXml.Text(WeComSample.CorpId, DemoUsers.Resident, 1_790_000_300, "帮助", "7000000301", "1000002");

        var first = await _bot.WeCom.PostAsync(xml);
        var again = await _bot.WeCom.PostAsync(xml);

        Assert.Contains("社区小助手", first.PassiveReply);
        Assert.Equal(first.PassiveReply, again.PassiveReply);
        var row = await _bot.WithDbAsync(db => db.Inbox.SingleAsync(m => m.UserId == DemoUsers.Resident));
        Assert.Equal(InboxStatus.Done, row.Status);
        Assert.Equal(first.PassiveReply, row.PassiveReply);
        Assert.NotNull(row.ProcessedAt);
        Assert.Empty(_bot.PushedTextsTo(DemoUsers.Resident));
    }

    [Fact]
    public async Task A_message_left_waiting_is_answered_before_the_next_one()
    {
        // A report a crashed host had accepted but not yet handled, still pending in the inbox.
        var inbox = _bot.Services.GetRequiredService<InboxWriter>();
        var waiting = WeComInboundXml.Text(WeComSample.CorpId, DemoUsers.Resident, 1_790_000_400, "3号楼楼道堆满了杂物", "7000000401", "1000002");
        await inbox.AcceptAsync(inbox.NewRow("7000000401", DemoUsers.Resident, "text", waiting, "left-by-crash"), CancellationToken.None);

        // "是" makes sense only after the summary of that report: answered first, it would be a riddle.
        var answer = await _bot.ReplyToAsync(DemoUsers.Resident, () => _bot.WeCom.SendTextAsync(DemoUsers.Resident, "是"),
            settle: true);

        var texts = _bot.PushedTextsTo(DemoUsers.Resident);
        Assert.Contains(texts, t => t.Contains("回复「是」"));
        Assert.Contains("已上报！", answer);
        Assert.Equal(1, await _bot.WithDbAsync(db => db.Reports.CountAsync()));
        Assert.Equal(0, await _bot.WithDbAsync(db => db.Inbox.CountAsync(m => m.Status != InboxStatus.Done)));
    }

    [Fact]
    public async Task A_report_dialog_answered_inside_callbacks_files_one_report()
    {
        var summary = await _bot.SayAsync(DemoUsers.Resident, "5号楼门口的路灯坏了");
        var filed = await _bot.SayAsync(DemoUsers.Resident, "是");

        Assert.Contains("回复「是」", summary);
        Assert.StartsWith("已上报！", filed);
        var rows = await _bot.WithDbAsync(db => db.Inbox.Where(m => m.UserId == DemoUsers.Resident).OrderBy(m => m.Id).ToListAsync());
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal(InboxStatus.Done, r.Status));
        Assert.Equal(summary, rows[0].PassiveReply);
        Assert.Equal(1, await _bot.WithDbAsync(db => db.Reports.CountAsync()));
    }

    [Fact]
    public async Task A_yes_to_a_summary_is_known_to_write_before_the_turn_runs()
    {
        var prechecker = _bot.Services.GetRequiredService<TurnPrechecker>();
        var now = DateTimeOffset.UtcNow;
        Task<TurnPrecheck> PrecheckAsync(string text) => prechecker.CheckAsync(IncomingMessage.FromText(DemoUsers.Resident, text, now), CancellationToken.None);

        // A yes with nothing to confirm is a riddle, not a filing.
        Assert.False((await PrecheckAsync("是")).SurelyWrites);
        await _bot.SayAsync(DemoUsers.Resident, "5号楼门口的路灯坏了");

        Assert.True((await PrecheckAsync("是")).SurelyWrites);
        Assert.False((await PrecheckAsync("改")).SurelyWrites);
        Assert.Equal(0, await _bot.WithDbAsync(db => db.Reports.CountAsync()));
    }
}
