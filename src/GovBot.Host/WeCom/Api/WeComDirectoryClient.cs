using Microsoft.Extensions.Logging;

namespace GovBot.Host.WeCom.Api;

/// <summary>
/// <see cref="IWeComDirectory"/> over HTTP, with the application's shared access token. A refused token is fetched
/// again once, as <see cref="WeComApiClient"/> does; any other answer is returned for the caller to judge.
/// </summary>
public sealed class WeComDirectoryClient(HttpClient http, IWeComAccessTokenProvider tokens, ILogger<WeComDirectoryClient> logger) : IWeComDirectory
{
    public Task<WeComDepartmentsResult> DepartmentsAsync(long? id = null, CancellationToken ct = default) =>
        GetAsync<WeComDepartmentsResult>("department/list", id is { } d ? $"&id={d}" : "", ct);

    public Task<WeComDepartmentMembersResult> MembersOfAsync(long departmentId, CancellationToken ct = default) =>
        GetAsync<WeComDepartmentMembersResult>("user/simplelist", $"&department_id={departmentId}", ct);

    public Task<WeComMemberResult> MemberAsync(string userId, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        return GetAsync<WeComMemberResult>("user/get", $"&userid={WeComHttp.Query(userId)}", ct);
    }

    private async Task<T> GetAsync<T>(string endpoint, string query, CancellationToken ct) where T : WeComResult
    {
        var token = await tokens.GetTokenAsync(ct);
        var result = await AskAsync<T>(endpoint, token, query, ct);
        if (result.Kind != WeComErrorKind.TokenRejected) return result;
        logger.LogInformation("WeCom refused the access token on {Endpoint} (errcode {ErrCode}); fetching a new one", endpoint, result.ErrCode);
        return await AskAsync<T>(endpoint, await tokens.RefreshAsync(token, ct), query, ct);
    }

    private Task<T> AskAsync<T>(string endpoint, string token, string query, CancellationToken ct) where T : WeComResult =>
        WeComHttp.GuardAsync(endpoint, ct, async () =>
        {
            using var response = await http.GetAsync($"cgi-bin/{endpoint}?access_token={WeComHttp.Query(token)}{query}", ct);
            WeComHttp.EnsureAnswered(response, endpoint);
            return await WeComHttp.ReadResultAsync<T>(response, endpoint, ct);
        });
}
