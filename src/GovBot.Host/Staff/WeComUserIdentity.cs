using System.Text.Json.Serialization;
using GovBot.Host.WeCom.Api;

namespace GovBot.Host.Staff;

/// <summary>The answer of /cgi-bin/auth/getuserinfo: <c>userid</c> for a member of the corp, <c>openid</c> for anyone else.</summary>
public sealed record WeComUserInfoResult : WeComResult
{
    [JsonPropertyName("userid")]
    public string? UserId { get; init; }

    [JsonPropertyName("openid")]
    public string? OpenId { get; init; }
}

/// <summary>Turns the code of WeCom's web sign-in into the member's userid (GET /cgi-bin/auth/getuserinfo).</summary>
public sealed class WeComUserIdentity(HttpClient http, IWeComAccessTokenProvider tokens)
{
    /// <summary>The member's userid, or null when WeCom does not vouch for a member of the corp.</summary>
    public async Task<string?> UserIdAsync(string code, CancellationToken ct)
    {
        var token = await tokens.GetTokenAsync(ct);
        var result = await AskAsync(token, code, ct);
        if (result.Kind == WeComErrorKind.TokenRejected) result = await AskAsync(await tokens.RefreshAsync(token, ct), code, ct);
        return result.IsOk && !string.IsNullOrEmpty(result.UserId) ? result.UserId : null;
    }

    private Task<WeComUserInfoResult> AskAsync(string token, string code, CancellationToken ct) =>
        WeComHttp.GuardAsync("auth/getuserinfo", ct, async () =>
        {
            using var response = await http.GetAsync($"cgi-bin/auth/getuserinfo?access_token={WeComHttp.Query(token)}&code={WeComHttp.Query(code)}", ct);
            WeComHttp.EnsureAnswered(response, "auth/getuserinfo");
            return await WeComHttp.ReadResultAsync<WeComUserInfoResult>(response, "auth/getuserinfo", ct);
        });
}
