using GovBot.Data.CustomerService;
using GovBot.Data.Messaging;
using GovBot.Host.Tests.EndToEnd;
using GovBot.Host.WeCom.CustomerService;
using GovBot.Skills.Conversation;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Host.Tests.CustomerService;

/// <summary>
/// WeCom's window for WeChat users: five messages in the 48 hours after the resident's last message. What would be
/// refused is held, said so for staff, and sent once the resident writes again; answers come before other pushes.
/// </summary>
public sealed class CustomerServiceWindowTests
{
    private const string Resident = "wmWindow01";

    [Fact]
    public async Task Pushes_past_the_five_messages_are_held_and_go_out_when_the_resident_writes_again()
    {
        await using var bot = await BotHost.StartAsync();
        var chat = new WeChatChat(bot);
        await chat.SayAsync(Resident, "你好");
        var answered = chat.Sent(Resident).Count;

        // Six notices too long to go out together: each needs a message of its own.
        await PushAsync(bot, Enumerable.Range(1, 6).Select(i => $"通知{i}：" + new string('事', 400)).ToArray());

        var pushes = 5 - 2 - answered; // two of the five stay free for answers
        await BotHost.EventuallyAsync(async () => await HeldAsync(bot) == 6 - pushes, because: "The pushes past the quota were not held.");
        await bot.SettledAsync();
        Assert.Equal(answered + pushes, chat.Sent(Resident).Count);
        var held = await bot.WithDbAsync(db => db.Outbox.FirstAsync(o => o.Status == OutboxStatus.Held));
        Assert.Equal(KfOutboxSender.QuotaSpentNote, held.LastError);

        var answer = await chat.SayAsync(Resident, "我住清华苑一期2号楼");

        // The answer to her own message came first; the held notices follow within the new window.
        Assert.StartsWith("您的住址是", answer);
        await BotHost.EventuallyAsync(async () => await HeldAsync(bot) < 6 - pushes, because: "Nothing held was released.");
        await bot.SettledAsync();
        var external = await bot.WithDbAsync(db => db.ExternalUsers.SingleAsync(e => e.ExternalUserId == Resident));
        Assert.True(external.SentSinceInbound <= 5);
    }

    [Fact]
    public async Task A_push_after_48_hours_of_silence_is_held_and_sent_when_the_resident_writes()
    {
        await using var bot = await BotHost.StartAsync();
        var chat = new WeChatChat(bot);
        await chat.SayAsync(Resident, "你好");
        await bot.WithDbAsync(db => db.ExternalUsers.ExecuteUpdateAsync(s => s.SetProperty(e => e.LastInboundAt, DateTimeOffset.UtcNow.AddHours(-49))));
        var before = chat.Sent(Resident).Count;

        await PushAsync(bot, "您反映的楼道灯已经修好了。");

        await BotHost.EventuallyAsync(async () => await HeldAsync(bot) == 1, because: "The push was not held.");
        var held = await bot.WithDbAsync(db => db.Outbox.SingleAsync(o => o.Status == OutboxStatus.Held));
        Assert.Equal(KfOutboxSender.WindowClosedNote, held.LastError);
        Assert.Equal(before, chat.Sent(Resident).Count);

        await chat.SayAsync(Resident, "我住清华苑一期2号楼");

        await BotHost.EventuallyAsync(() => Task.FromResult(chat.Sent(Resident).Any(c => GovBot.Emulator.WeComApiStandIn.KfText(c).Contains("楼道灯已经修好"))),
            because: "The held push did not go out after the resident wrote.");
        Assert.Equal(0, await HeldAsync(bot));
    }

    private static Task<int> HeldAsync(BotHost bot) => bot.WithDbAsync(db => db.Outbox.CountAsync(o => o.Status == OutboxStatus.Held));

    private static Task PushAsync(BotHost bot, params string[] texts) => bot.WithDbAsync(async db =>
    {
        var now = DateTimeOffset.UtcNow;
        foreach (var text in texts) await db.EnqueuePushAsync(new OutboxPush(new TextPart(text), [ExternalUser.IdentityOf(Resident)]), now);
        return await db.SaveChangesAsync();
    });
}
