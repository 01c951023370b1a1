namespace GovBot.Host.WeCom.Api;

/// <summary>
/// The narrow seam to WeCom's server API: what the outbox and the media download need, no more,
/// so an adapter over another SDK could stand in. Every WeCom answer comes back as a result
/// (check <see cref="WeComResult.Kind"/>); a missing answer throws <see cref="WeComTransientException"/>.
/// </summary>
public interface IWeComApi
{
    /// <summary>message/send.</summary>
    Task<WeComSendResult> SendAsync(WeComMessage message, CancellationToken ct = default);

    /// <summary>message/update_template_card.</summary>
    Task<WeComSendResult> UpdateTemplateCardAsync(WeComTemplateCardUpdate update, CancellationToken ct = default);

    /// <summary>media/get: a temporary file (image, voice, file) a user sent, valid for 3 days.</summary>
    Task<WeComMediaResult> GetMediaAsync(string mediaId, CancellationToken ct = default);

    /// <summary>appchat/create: a group chat owned by the app.</summary>
    Task<WeComAppChatCreateResult> CreateAppChatAsync(WeComAppChatCreate chat, CancellationToken ct = default);

    /// <summary>appchat/send: a message to an app-created group chat.</summary>
    Task<WeComSendResult> SendAppChatAsync(WeComAppChatMessage message, CancellationToken ct = default);
}
