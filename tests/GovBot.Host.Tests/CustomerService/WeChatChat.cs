using GovBot.Data.CustomerService;
using GovBot.Emulator;
using GovBot.Host.Tests.EndToEnd;
using GovBot.Host.Tests.WeCom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovBot.Host.Tests.CustomerService;

/// <summary>A WeChat user's side of the bot: writes through the stand-in and the real callback, reads kf/send_msg.</summary>
public sealed class WeChatChat(BotHost bot, string openKfId = WeChatUserSimulator.DefaultAccount)
{
    public WeChatUserSimulator User { get; } = new(bot.StandIn, bot.WeCom, WeComSample.CorpId, bot.Services.GetRequiredService<TimeProvider>());

    public IReadOnlyList<WeComApiCall> Sent(string externalUserId) => bot.StandIn.KfSentTo(externalUserId);

    public static string Identity(string externalUserId) => ExternalUser.IdentityOf(externalUserId);

    /// <summary>Writes, waits for the answer and for the host to settle; returns what reached the user since.</summary>
    public Task<string> SayAsync(string externalUserId, string text) =>
        ReplyToAsync(externalUserId, () => User.WriteAsync(externalUserId, text, openKfId));

    /// <summary>Taps the item with these words on the newest menu the user got.</summary>
    public Task<string> TapAsync(string externalUserId, string words)
    {
        var menu = Sent(externalUserId).LastOrDefault(c => c.MsgType == "msgmenu")
            ?? throw new InvalidOperationException($"{externalUserId} got no menu.");
        var item = WeComApiStandIn.KfMenuItems(menu).First(i => i.Content.Contains(words, StringComparison.Ordinal));
        return ReplyToAsync(externalUserId, () => User.TapAsync(externalUserId, item.Id, item.Content, openKfId));
    }

    public async Task<string> ReplyToAsync(string externalUserId, Func<Task<CallbackAnswer>> act)
    {
        var before = Sent(externalUserId).Count;
        var answer = await act();
        Assert.Equal(System.Net.HttpStatusCode.OK, answer.Status);
        Assert.Null(answer.PassiveReply);
        try
        {
            await BotHost.EventuallyAsync(() => Task.FromResult(Sent(externalUserId).Count > before), because: $"No answer reached {externalUserId}.");
        }
        catch (TimeoutException)
        {
            // Say where the answer stopped: held, failed or never written.
            var identity = Identity(externalUserId);
            var rows = await bot.WithDbAsync(db => db.Outbox.AsNoTracking().Where(o => o.ToUsers.Contains(identity))
                .OrderByDescending(o => o.Id).Take(3).Select(o => $"{o.Id} {o.Status} {o.LastError} {o.PayloadJson}").ToListAsync());
            var inbox = await bot.WithDbAsync(db => db.Inbox.AsNoTracking().Where(i => i.UserId == identity)
                .OrderByDescending(i => i.Id).Take(3).Select(i => $"{i.Id} {i.Status} {i.MsgType}").ToListAsync());
            throw new TimeoutException($"No answer reached {externalUserId}. Outbox: {string.Join(" | ", rows)}. Inbox: {string.Join(" | ", inbox)}");
        }
        await bot.SettledAsync();
        return string.Join("\n", Sent(externalUserId).Skip(before).Select(WeComApiStandIn.KfText));
    }
}
