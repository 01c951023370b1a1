using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;
using GovBot.Host.WeCom.Api;

namespace GovBot.Emulator;

/// <summary>
/// kf/add_contact_way: a link to a customer-service account carrying a scene. WeCom encrypts the scene into the link
/// (enc_scene); the stand-in writes it in plain so that the emulator, given a scanned link, knows which scene to put
/// into enter_session (<see cref="SceneOfLink"/>).
/// </summary>
public sealed partial class WeComApiStandIn
{
    /// <summary>The stand-in's answer to an open_kfid that is not a customer-service account's (WeCom: 95000-range codes).</summary>
    public const int KfInvalidOpenKfId = 95000;

    /// <summary>The address the stand-in's links start with, as WeCom's do.</summary>
    public const string KfLinkBase = "https://work.weixin.qq.com/kf/";

    private readonly ConcurrentDictionary<string, string> _contactWays = new();
    private readonly ConcurrentDictionary<string, string> _contactWayAccounts = new();

    /// <summary>The links made so far, by url, with their scenes.</summary>
    public IReadOnlyDictionary<string, string> ContactWays => _contactWays;

    /// <summary>The scene a link made by kf/add_contact_way carries, or null for a link the stand-in did not make.</summary>
    public string? SceneOfLink(string url) => _contactWays.GetValueOrDefault(url);

    /// <summary>The account (open_kfid) a link made by kf/add_contact_way opens, or null for a link the stand-in did not make.</summary>
    public string? AccountOfLink(string url) => _contactWayAccounts.GetValueOrDefault(url);

    private void MapCustomerServiceLinkEndpoints(WebApplication app) =>
        app.MapPost("/cgi-bin/kf/add_contact_way", AddContactWayAsync);

    private async Task AddContactWayAsync(HttpContext ctx)
    {
        if (await ServeFaultAsync(ctx) || await RefuseTokenAsync(ctx)) return;
        if (await ReadBodyAsync(ctx) is not { } body) return;
        var openKfId = StandInRules.Str(body, "open_kfid");
        if (!IsOpenKfId(openKfId))
        {
            await AnswerAsync(ctx, Error(KfInvalidOpenKfId, "invalid open_kfid"));
            return;
        }
        var scene = StandInRules.Str(body, "scene") ?? "";
        if (!KfScene().IsMatch(scene))
        {
            await AnswerAsync(ctx, Error(WeComErrors.InvalidParameter, "invalid scene, at most 32 bytes of [0-9a-zA-Z_-]"));
            return;
        }
        var url = $"{KfLinkBase}kfc{StandInIds.New(16).Replace('-', 'x').Replace('_', 'y')}?enc_scene={scene}";
        _contactWays[url] = scene;
        _contactWayAccounts[url] = openKfId!;
        _recorder.Record(seq => new WeComApiCall(seq, "kf/add_contact_way", _options.Time.GetUtcNow(), null, [], body, null, null));
        var answer = Ok();
        answer["url"] = url;
        await AnswerAsync(ctx, answer);
    }

    /// <summary>WeCom's open_kfid values start with "wk"; the stand-in takes any such id as an account of the corp.</summary>
    private static bool IsOpenKfId(string? id) => id is { Length: > 2 and <= 64 } && id.StartsWith("wk", StringComparison.Ordinal);

    [GeneratedRegex("^[0-9a-zA-Z_-]{1,32}$")]
    private static partial Regex KfScene();
}
