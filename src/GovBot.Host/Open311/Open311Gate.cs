using GovBot.Data.Reports;
using Microsoft.Extensions.Options;

namespace GovBot.Host.Open311;

/// <summary>What every call passes before it is served: the jurisdiction, and the api_key where one is needed.</summary>
public sealed class Open311Gate(IOptions<Open311Options> options, Open311KeyVerifier keys)
{
    public const string ApiKeyParameter = "api_key", JurisdictionParameter = "jurisdiction_id";

    /// <summary>GET calls: a key unless the county made reads public, then the jurisdiction.</summary>
    public async Task CheckReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (!options.Value.PublicReads) await ClientAsync(request.Query[ApiKeyParameter], "查询", ct);
        CheckJurisdiction(request.Query[JurisdictionParameter]);
    }

    /// <summary>The client an api_key belongs to; 403 when it is missing, unknown or revoked.</summary>
    public async Task<Open311Client> ClientAsync(string? apiKey, string action, CancellationToken ct) =>
        await keys.VerifyAsync(apiKey, ct)
        ?? throw Open311Exception.Forbidden(string.IsNullOrEmpty(apiKey) ? $"缺少 api_key，不能{action}。" : $"api_key 无效，不能{action}。");

    /// <summary>One deployment serves one jurisdiction: another one named is not found; none named is fine.</summary>
    public void CheckJurisdiction(string? jurisdiction)
    {
        if (options.Value.JurisdictionId is not { Length: > 0 } ours || string.IsNullOrWhiteSpace(jurisdiction)) return;
        if (!string.Equals(jurisdiction.Trim(), ours, StringComparison.OrdinalIgnoreCase))
            throw Open311Exception.NotFound($"jurisdiction_id「{jurisdiction}」不存在，本接口服务 {ours}。");
    }
}
