using System.Collections.Concurrent;
using System.Text.Json;

namespace GovBot.Emulator;

/// <summary>
/// message/send's enable_duplicate_check: within duplicate_check_interval (default 1800 s), a message with the
/// same recipients, type and content as one sent with the check is not delivered again.
/// </summary>
public sealed partial class WeComApiStandIn
{
    private const int DefaultDuplicateCheckSeconds = 1800;
    private readonly ConcurrentDictionary<string, (string MsgId, DateTimeOffset Until)> _recentSends = new();

    private string? DuplicateOf(JsonElement body, string? msgType) =>
        DuplicateKey(body, msgType) is { } key && _recentSends.TryGetValue(key, out var sent) && _options.Time.GetUtcNow() < sent.Until
            ? sent.MsgId
            : null;

    private void RememberForDuplicateCheck(JsonElement body, string? msgType, string msgId)
    {
        if (DuplicateKey(body, msgType) is not { } key) return;
        var seconds = body.TryGetProperty("duplicate_check_interval", out var i) && i.TryGetInt32(out var s) ? s : DefaultDuplicateCheckSeconds;
        _recentSends[key] = (msgId, _options.Time.GetUtcNow().AddSeconds(seconds));
    }

    private static string? DuplicateKey(JsonElement body, string? msgType)
    {
        if (!body.TryGetProperty("enable_duplicate_check", out var on) || !on.TryGetInt32(out var flag) || flag != 1) return null;
        if (msgType is null || !body.TryGetProperty(msgType, out var content)) return null;
        return $"{StandInRules.Str(body, "touser")}\n{msgType}\n{content.GetRawText()}";
    }
}
