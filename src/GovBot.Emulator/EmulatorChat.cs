using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using GovBot.Data.CustomerService;
using GovBot.Host.WeCom.Crypto;

namespace GovBot.Emulator;

/// <summary>
/// Chats as a demo user: writes what they send into their chat, posts it to the host's /wecom/callback
/// through <see cref="WeComUserSimulator"/> (encrypted and signed, over loopback HTTP), and writes the
/// passive reply back. Pushes reach the chat through the stand-in (see <see cref="EmulatorChatLog"/>).
/// </summary>
public sealed class EmulatorChat(EmulatorStandIn standIn, EmulatorChatLog log, EmulatorLoopback loopback, TimeProvider time)
    : IDisposable
{
    /// <summary>Where the page shows the demo photo; also the PicUrl of image messages.</summary>
    public const string PhotoPath = "emulator/photo.png";

    private readonly Lock _gate = new();
    private Simulation? _simulation;

    private sealed record Simulation(HttpClient Http, WeComCrypto Crypto, WeComUserSimulator WeCom);

    public EmulatorChatLog Log => log;

    public Task SendTextAsync(string user, string text, CancellationToken ct)
    {
        log.Add(user, ChatFrom.Me, ChatTypes.Text, text);
        // A WeChat user's message goes into the stand-in's customer-service log; the callback only announces it.
        if (ExternalUser.IsIdentity(user))
            return DeliverAsync(user, _ => WeChat().WriteAsync(ExternalUser.ExternalIdOf(user), text, ct: ct));
        return DeliverAsync(user, sim => sim.SendTextAsync(user, text, ct));
    }

    private WeChatUserSimulator WeChat() => new(standIn.Instance, Simulator().WeCom, EmulatorCredentials.CorpId, time);

    /// <summary>WeChat users send text and tap menus in the emulator; photos and places are the app's.</summary>
    private bool RefusedForWeChat(string user)
    {
        if (!ExternalUser.IsIdentity(user)) return false;
        log.Add(user, ChatFrom.System, ChatTypes.Text, "模拟器里的微信用户只能发文字、点菜单。");
        return true;
    }

    /// <summary>Puts the demo photo into the stand-in's media store under a new id and sends it, as a phone uploads a picture.</summary>
    public Task SendImageAsync(string user, CancellationToken ct)
    {
        if (RefusedForWeChat(user)) return Task.CompletedTask;
        var mediaId = "emu-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        standIn.Instance.AddMedia(mediaId, DemoPhoto.Bytes, "image/png", "photo.png");
        var picUrl = new Uri(loopback.BaseAddress, PhotoPath).ToString();
        log.Add(user, ChatFrom.Me, ChatTypes.Image, "[图片]", "/" + PhotoPath);
        return DeliverAsync(user, sim => sim.SendImageAsync(user, mediaId, picUrl, ct));
    }

    /// <summary>Puts the demo voice into the stand-in's media store and sends it, as a phone sends a held-down recording.</summary>
    public Task SendVoiceAsync(string user, CancellationToken ct)
    {
        var mediaId = "emu-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        standIn.Instance.AddMedia(mediaId, DemoVoice.Bytes, "audio/amr", mediaId + ".amr");
        log.Add(user, ChatFrom.Me, ChatTypes.Text, "[语音 1″]");
        return DeliverAsync(user, sim => sim.SendVoiceAsync(user, mediaId, ct));
    }

    public Task SendLocationAsync(string user, EmulatorPlace place, CancellationToken ct)
    {
        if (RefusedForWeChat(user)) return Task.CompletedTask;
        var text = string.Create(CultureInfo.InvariantCulture, $"[位置] {place.Label}（{place.Latitude:0.0000}, {place.Longitude:0.0000}）");
        log.Add(user, ChatFrom.Me, ChatTypes.Location, text);
        return DeliverAsync(user, sim => sim.SendLocationAsync(user, place.Latitude, place.Longitude, place.Label, ct));
    }

    /// <summary>
    /// Taps a button of a card the user got. Like WeCom, the stand-in hands out a response_code for the
    /// tap, good for one update of the card for everyone who got it.
    /// </summary>
    /// <returns>Null when tapped; otherwise why not, in Chinese.</returns>
    public async Task<string?> TapAsync(string user, string key, string taskId, CancellationToken ct)
    {
        var card = log.FindCard(user, taskId);
        if (card is null) return "没有找到这张卡片。";
        if (card.ReplacedWith is { } done) return $"这张卡片已经处理过了（{done}）。";
        var button = card.Buttons.FirstOrDefault(b => b.Key == key);
        if (button is null) return "这张卡片上没有这个按钮。";

        if (ExternalUser.IsIdentity(user))
        {
            // A menu item tapped in WeChat comes back as a text carrying the item's id.
            log.Add(user, ChatFrom.Me, ChatTypes.Tap, $"点了「{button.Text}」");
            await DeliverAsync(user, _ => WeChat().TapAsync(ExternalUser.ExternalIdOf(user), key, button.Text, ct: ct));
            return null;
        }
        var code = standIn.Instance.IssueResponseCode(taskId, log.CardRecipients(taskId));
        log.NoteResponseCode(code, taskId);
        log.Add(user, ChatFrom.Me, ChatTypes.Tap, $"点了「{button.Text}」");
        await DeliverAsync(user, sim => sim.TapButtonAsync(user, key, taskId, code, ct));
        return null;
    }

    private async Task DeliverAsync(string user, Func<WeComUserSimulator, Task<CallbackAnswer>> post)
    {
        CallbackAnswer answer;
        try
        {
            answer = await post(Simulator().WeCom);
        }
        catch (HttpRequestException ex)
        {
            log.Add(user, ChatFrom.System, ChatTypes.Text, $"消息没有送到机器人：{ex.Message}");
            return;
        }
        if (answer.Status != HttpStatusCode.OK)
            log.Add(user, ChatFrom.System, ChatTypes.Text, $"机器人没有收下这条消息（HTTP {(int)answer.Status}）。");
        else if (!string.IsNullOrEmpty(answer.PassiveReply))
            log.Add(user, ChatFrom.Bot, ChatTypes.Text, answer.PassiveReply);
    }

    /// <summary>Made on first use: the host's address is known only once it listens.</summary>
    private Simulation Simulator()
    {
        lock (_gate)
        {
            if (_simulation is not null) return _simulation;
            // WeCom waits 5 s for an answer; the margin covers a slow first turn (store warm-up).
            var http = new HttpClient { BaseAddress = loopback.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
            // WeCom's own copy of the callback secrets, not the host's, as on the real wire.
            var crypto = new WeComCrypto(EmulatorCredentials.Token, EmulatorCredentials.EncodingAesKey, EmulatorCredentials.CorpId);
            var agentId = EmulatorCredentials.AgentId.ToString(CultureInfo.InvariantCulture);
            return _simulation = new Simulation(http, crypto, new WeComUserSimulator(http, crypto, EmulatorCredentials.CorpId, agentId, time));
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _simulation?.Http.Dispose();
            _simulation?.Crypto.Dispose();
            _simulation = null;
        }
    }
}
