using GovBot.Host.WeCom.Xml;

namespace GovBot.Emulator;

/// <summary>
/// Plays a WeChat user (微信客户) writing to a customer-service account: adds what they do to the stand-in's message
/// log, then sends the host the kf_msg_or_event callback, signed and encrypted like every WeCom callback, through
/// <see cref="WeComUserSimulator"/>. The host pulls the message itself with kf/sync_msg, as it would from WeCom.
/// </summary>
public sealed class WeChatUserSimulator(WeComApiStandIn standIn, WeComUserSimulator callbacks, string corpId, TimeProvider time)
{
    public const string DefaultAccount = "wkGovBotDemo0001";

    public Task<CallbackAnswer> WriteAsync(string externalUserId, string text, string openKfId = DefaultAccount, CancellationToken ct = default) =>
        AnnounceAsync(openKfId, standIn.KfWrite(openKfId, externalUserId, text), ct);

    /// <summary>Taps a menu item: WeCom sends its words as a text that carries the item's id.</summary>
    public Task<CallbackAnswer> TapAsync(string externalUserId, string menuId, string content, string openKfId = DefaultAccount, CancellationToken ct = default) =>
        AnnounceAsync(openKfId, standIn.KfWrite(openKfId, externalUserId, content, menuId), ct);

    public Task<CallbackAnswer> EnterAsync(string externalUserId, string? sceneParam = null, string openKfId = DefaultAccount, CancellationToken ct = default) =>
        AnnounceAsync(openKfId, standIn.KfEnter(openKfId, externalUserId, "scene", sceneParam), ct);

    public Task<CallbackAnswer> SessionChangeAsync(string externalUserId, int changeType, string? newServicer = null, string openKfId = DefaultAccount, CancellationToken ct = default) =>
        AnnounceAsync(openKfId, standIn.KfSessionChange(openKfId, externalUserId, changeType, null, newServicer), ct);

    /// <summary>
    /// Scans a link or code made by kf/add_contact_way: WeCom opens the link's account and sends enter_session with the
    /// link's scene.
    /// </summary>
    public Task<CallbackAnswer> ScanAsync(string externalUserId, string linkUrl, CancellationToken ct = default)
    {
        var scene = standIn.SceneOfLink(linkUrl) ?? throw new ArgumentException($"{linkUrl} was not made by the stand-in's kf/add_contact_way.", nameof(linkUrl));
        var openKfId = standIn.AccountOfLink(linkUrl)!;
        return AnnounceAsync(openKfId, standIn.KfEnter(openKfId, externalUserId, scene), ct);
    }

    /// <summary>
    /// The servicer ends the session in WeCom's client: WeCom logs session_status_change 3 and sends the callback.
    /// Null when the session was not a servicer's.
    /// </summary>
    public async Task<CallbackAnswer?> ServicerEndsAsync(string externalUserId, string openKfId = DefaultAccount, CancellationToken ct = default) =>
        standIn.KfEndSessionAsServicer(openKfId, externalUserId).Token is { } token ? await AnnounceAsync(openKfId, token, ct) : null;

    public Task<CallbackAnswer> SendFailedAsync(string externalUserId, string failMsgId, string openKfId = DefaultAccount, CancellationToken ct = default) =>
        AnnounceAsync(openKfId, standIn.KfSendFailed(openKfId, externalUserId, failMsgId), ct);

    /// <summary>The callback WeCom sends: only the account and a token, never the message itself.</summary>
    public Task<CallbackAnswer> AnnounceAsync(string openKfId, string token, CancellationToken ct = default) =>
        callbacks.PostAsync(AnnouncementXml(corpId, openKfId, token, time.GetUtcNow().ToUnixTimeSeconds()), ct);

    public static string AnnouncementXml(string corpId, string openKfId, string token, long createTime) =>
        WeComInboundXml.Build(new WeComInboundMessage
        {
            ToUserName = corpId, FromUserName = "", CreateTime = createTime, MsgType = WeComMsgTypes.Event,
            Event = "kf_msg_or_event", Token = token, OpenKfId = openKfId,
        }).Replace("<FromUserName><![CDATA[]]></FromUserName>", "", StringComparison.Ordinal);
}
