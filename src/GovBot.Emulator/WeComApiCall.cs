using System.Text.Json;

namespace GovBot.Emulator;

/// <summary>A call the stand-in accepted (errcode 0), as a WeCom user would experience it.</summary>
/// <param name="Endpoint">"message/send", "message/update_template_card" or "media/get".</param>
/// <param name="MsgType">message/send's msgtype; null for the other endpoints.</param>
/// <param name="Recipients">Who got it: the named users WeCom knows (for a card update with atall, the card's recipients).</param>
/// <param name="Body">The request body as sent (for media/get: {"media_id": ...}).</param>
public sealed record WeComApiCall(
    long Sequence,
    string Endpoint,
    DateTimeOffset ReceivedAt,
    string? MsgType,
    IReadOnlyList<string> Recipients,
    JsonElement Body,
    string? MsgId,
    string? ResponseCode);
