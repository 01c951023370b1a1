using GovBot.Data.CustomerService;
using GovBot.Data.Messaging;
using GovBot.Host.Tests.EndToEnd;
using GovBot.Host.WeCom.CustomerService;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Host.Tests.CustomerService;

/// <summary>
/// The 微信客服 channel through the real callback and the stand-in's kf API: a WeChat user's message is pulled once
/// by its msgid, answered once through kf/send_msg, and the pull's cursor lives in the store.
/// </summary>
public sealed class CustomerServiceChannelTests
{
    [Fact]
    public async Task A_WeChat_user_who_writes_is_pulled_once_made_a_resident_and_answered_once_through_send_msg()
    {
        await using var bot = await BotHost.StartAsync();
        var chat = new WeChatChat(bot);

        var answer = await chat.SayAsync("wmLiuAunt01", "你好");

        Assert.Contains("社区", answer);
        var (rows, person, external) = await bot.WithDbAsync(async db => (
            await db.Inbox.Where(m => m.DedupKey.StartsWith(KfBatchWriter.DedupPrefix)).ToListAsync(),
            await db.People.SingleAsync(p => p.WeComUserId == WeChatChat.Identity("wmLiuAunt01")),
            await db.ExternalUsers.SingleAsync(e => e.ExternalUserId == "wmLiuAunt01")));
        var row = Assert.Single(rows);
        Assert.Equal(InboxStatus.Done, row.Status);
        Assert.Equal(person.Id, external.PersonId);
        Assert.Equal(WeChatUserSimulatorAccount, external.OpenKfId);
        Assert.NotNull(external.LastInboundAt);
        Assert.Empty(bot.PushedTextsTo(WeChatChat.Identity("wmLiuAunt01")));
    }

    private const string WeChatUserSimulatorAccount = GovBot.Emulator.WeChatUserSimulator.DefaultAccount;

    [Fact]
    public async Task A_redelivered_callback_and_a_repeated_pull_neither_double_the_message_nor_its_answer()
    {
        await using var bot = await BotHost.StartAsync();
        var chat = new WeChatChat(bot);
        var token = bot.StandIn.KfWrite(WeChatUserSimulatorAccount, "wmRepeat01", "你好");
        var xml = GovBot.Emulator.WeChatUserSimulator.AnnouncementXml(GovBot.Host.Tests.WeCom.WeComSample.CorpId, WeChatUserSimulatorAccount, token,
            DateTimeOffset.UtcNow.ToUnixTimeSeconds());

        await bot.WeCom.PostAsync(xml);
        await BotHost.EventuallyAsync(() => Task.FromResult(chat.Sent("wmRepeat01").Count > 0));
        await bot.SettledAsync();
        var answers = chat.Sent("wmRepeat01").Count;
        // WeCom repeats a callback it thinks unanswered; and a pull from the start again reads the same message.
        await bot.WeCom.PostAsync(xml);
        await bot.WithDbAsync(db => db.CustomerServiceCursors.ExecuteUpdateAsync(s => s.SetProperty(c => c.Cursor, (string?)null)));
        await chat.User.AnnounceAsync(WeChatUserSimulatorAccount, token);
        await BotHost.EventuallyAsync(() => bot.WithDbAsync(async db => (await db.CustomerServiceCursors.SingleAsync()).Cursor is not null));

        await BotHost.ConsistentlyAsync(() => chat.Sent("wmRepeat01").Count == answers, because: "The repeated message was answered again.");
        Assert.Equal(1, await bot.WithDbAsync(db => db.Inbox.CountAsync(m => m.UserId == WeChatChat.Identity("wmRepeat01"))));
    }

    [Fact]
    public async Task The_cursor_survives_a_restart_so_nothing_is_pulled_or_answered_twice()
    {
        await using var standIn = await GovBot.Emulator.WeComApiStandIn.StartAsync(new() { CorpId = GovBot.Host.Tests.WeCom.WeComSample.CorpId });
        var dataDir = Directory.CreateTempSubdirectory("govbot-kf-").FullName;
        int firstAnswers;
        await using (var first = await BotHost.StartAsync(standIn, dataDir))
        {
            await new WeChatChat(first).SayAsync("wmRestart01", "你好");
            firstAnswers = standIn.KfSentTo("wmRestart01").Count;
        }

        await using var second = await BotHost.StartAsync(standIn, dataDir);
        var chat = new WeChatChat(second);
        var answer = await chat.SayAsync("wmRestart01", "我住清华苑一期2号楼");

        Assert.Contains("2号楼", answer);
        var rows = await second.WithDbAsync(db => db.Inbox.CountAsync(m => m.UserId == WeChatChat.Identity("wmRestart01")));
        Assert.Equal(2, rows);
        await BotHost.ConsistentlyAsync(() => standIn.KfSentTo("wmRestart01").Count > firstAnswers
            && standIn.KfSentTo("wmRestart01").Skip(firstAnswers).All(c => !GovBot.Emulator.WeComApiStandIn.KfText(c).Contains("您住在哪个社区", StringComparison.Ordinal)),
            because: "The first message was answered again after the restart.");
    }

    [Fact]
    public async Task An_entry_with_a_fresh_welcome_code_is_greeted_through_send_msg_on_event()
    {
        await using var bot = await BotHost.StartAsync();
        var chat = new WeChatChat(bot);

        var greeting = await chat.ReplyToAsync("wmEnter01", () => chat.User.EnterAsync("wmEnter01", sceneParam: "grid-7"));

        var call = Assert.Single(chat.Sent("wmEnter01"));
        Assert.Equal("kf/send_msg_on_event", call.Endpoint);
        Assert.Contains("社区", greeting);
        var external = await bot.WithDbAsync(db => db.ExternalUsers.SingleAsync(e => e.ExternalUserId == "wmEnter01"));
        Assert.Equal("grid-7", external.EntryScene);
        // The greeting spent none of the five messages the resident's own message opens.
        Assert.Equal(0, external.SentSinceInbound);
    }

    [Fact]
    public async Task While_a_servicer_has_the_session_the_bot_keeps_quiet_and_answers_again_once_it_ends()
    {
        await using var bot = await BotHost.StartAsync();
        var chat = new WeChatChat(bot);
        await chat.SayAsync("wmServiced01", "你好");
        await chat.User.SessionChangeAsync("wmServiced01", changeType: 1, newServicer: "wangjianjun");
        await BotHost.EventuallyAsync(() => bot.WithDbAsync(async db =>
            (await db.ExternalUsers.SingleAsync(e => e.ExternalUserId == "wmServiced01")).SessionState == CustomerServiceState.Servicer));
        var before = chat.Sent("wmServiced01").Count;

        await chat.User.WriteAsync("wmServiced01", "我想找网格员当面说");

        await BotHost.EventuallyAsync(() => bot.WithDbAsync(db => db.Inbox.AnyAsync(m =>
            m.UserId == WeChatChat.Identity("wmServiced01") && m.PayloadXml.Contains("当面说") && m.Status == InboxStatus.Done)));
        await BotHost.ConsistentlyAsync(() => chat.Sent("wmServiced01").Count == before, because: "The bot answered during the servicer's session.");

        await chat.User.SessionChangeAsync("wmServiced01", changeType: 3);
        var answer = await chat.SayAsync("wmServiced01", "我住清华苑一期2号楼");
        Assert.Contains("2号楼", answer);
    }

    [Fact]
    public async Task A_send_failure_WeCom_reports_marks_the_push_failed_for_staff()
    {
        await using var bot = await BotHost.StartAsync();
        var chat = new WeChatChat(bot);
        await chat.SayAsync("wmFail01", "你好");
        var sent = chat.Sent("wmFail01")[^1];

        await chat.User.SendFailedAsync("wmFail01", sent.MsgId!);

        var id = KfOutboxIds.RowOf(sent.MsgId)!.Value;
        await BotHost.EventuallyAsync(() => bot.WithDbAsync(async db => (await db.Outbox.SingleAsync(o => o.Id == id)).Status == OutboxStatus.Failed));
        var row = await bot.WithDbAsync(db => db.Outbox.SingleAsync(o => o.Id == id));
        Assert.Contains("没有收到", row.LastError);
    }
}
