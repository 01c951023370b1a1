using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using GovBot.Host.WeCom.Crypto;
using System.Xml.Linq;
using GovBot.Host.WeCom.Xml;

namespace GovBot.Emulator;

/// <summary>What came back from one callback: the HTTP status and the decrypted passive reply, if any.</summary>
public sealed record CallbackAnswer(HttpStatusCode Status, string? PassiveReply);

/// <summary>
/// Plays WeChat Work towards a GovBot host: builds the message XML a member's phone would cause, encrypts and
/// signs it, posts it to /wecom/callback, and verifies and decrypts the passive reply. The emulator page,
/// the terminal chat and the tests all talk to the bot through it, so they exercise the real callback path.
/// </summary>
public sealed class WeComUserSimulator(HttpClient http, WeComCrypto crypto, string corpId, string agentId, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, long> _lastCreateTime = new();
    private long _msgId = RandomNumberGenerator.GetInt32(1, int.MaxValue) * 1000L;

    public Task<CallbackAnswer> SendTextAsync(string user, string text, CancellationToken ct = default) =>
        PostAsync(WeComInboundXml.Text(corpId, user, NextCreateTime(user), text, NextMsgId(), agentId), ct);

    public Task<CallbackAnswer> SendImageAsync(string user, string mediaId, string picUrl, CancellationToken ct = default) =>
        PostAsync(WeComInboundXml.Image(corpId, user, NextCreateTime(user), picUrl, mediaId, NextMsgId(), agentId), ct);

    public Task<CallbackAnswer> SendVoiceAsync(string user, string mediaId, CancellationToken ct = default) =>
        PostAsync(WeComInboundXml.Voice(corpId, user, NextCreateTime(user), mediaId, NextMsgId(), agentId), ct);

    /// <summary>A video or a file (<paramref name="msgType"/> "video" or "file").</summary>
    public Task<CallbackAnswer> SendMediaAsync(string user, string msgType, string mediaId, CancellationToken ct = default) =>
        PostAsync(WeComInboundXml.Media(corpId, user, NextCreateTime(user), msgType, mediaId, NextMsgId(), agentId), ct);

    public Task<CallbackAnswer> SendLocationAsync(string user, double latitude, double longitude, string label, CancellationToken ct = default) =>
        PostAsync(WeComInboundXml.Location(corpId, user, NextCreateTime(user), latitude, longitude, 16, label, NextMsgId(), agentId), ct);

    public Task<CallbackAnswer> SendEventAsync(string user, string eventName, string? eventKey = null, CancellationToken ct = default) =>
        PostAsync(WeComInboundXml.Event(corpId, user, NextCreateTime(user), eventName, eventKey, agentId), ct);

    /// <summary>A tap on a template_card button.</summary>
    public Task<CallbackAnswer> TapButtonAsync(string user, string buttonKey, string taskId, string responseCode, CancellationToken ct = default) =>
        PostAsync(WeComInboundXml.TemplateCardEvent(corpId, user, NextCreateTime(user), buttonKey, taskId, "button_interaction", responseCode, agentId), ct);

    /// <summary>Posts message XML exactly as WeCom would; also used to replay a delivery (same XML, same MsgId).</summary>
    public async Task<CallbackAnswer> PostAsync(string messageXml, CancellationToken ct = default)
    {
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = RandomNumberGenerator.GetInt32(100_000, int.MaxValue).ToString(CultureInfo.InvariantCulture);
        var request = crypto.EncryptInbound(messageXml, corpId, agentId, timestamp, nonce);
        var url = $"wecom/callback?msg_signature={request.MsgSignature}&timestamp={request.Timestamp}&nonce={request.Nonce}";
        using var content = new StringContent(request.Body, System.Text.Encoding.UTF8, "text/xml");
        using var response = await http.PostAsync(url, content, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (response.StatusCode != HttpStatusCode.OK || string.IsNullOrWhiteSpace(body))
            return new CallbackAnswer(response.StatusCode, null);

        // Verify the reply the way WeCom does: signature over the envelope, then decrypt.
        // Read the envelope with LINQ to XML, independently of the host's own parser, as WeCom's side would.
        var envelope = XElement.Parse(body);
        var xml = crypto.DecryptMessage(
            (string?)envelope.Element("MsgSignature"), (string?)envelope.Element("TimeStamp"),
            (string?)envelope.Element("Nonce"), (string?)envelope.Element("Encrypt"));
        return new CallbackAnswer(response.StatusCode, WeComMessageParser.Parse(xml).Content);
    }

    /// <summary>
    /// Each simulated message of a user gets its own second. The bot no longer needs it for events (it tells same-second
    /// events apart by what they carry), but two identical taps in one second are, to the bot, one delivery repeated;
    /// a story that taps the same button twice means two taps. Tests of same-second events build their XML themselves.
    /// </summary>
    private long NextCreateTime(string user) =>
        _lastCreateTime.AddOrUpdate(user,
            _ => time.GetUtcNow().ToUnixTimeSeconds(),
            (_, last) => Math.Max(time.GetUtcNow().ToUnixTimeSeconds(), last + 1));

    private string NextMsgId() => Interlocked.Increment(ref _msgId).ToString(CultureInfo.InvariantCulture);
}
