using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using GovBot.Host.Staff;
using GovBot.Skills.Nlu;
using Microsoft.Extensions.Options;

namespace GovBot.Host.Nlu;

/// <summary>
/// POST /api/nlu/parse in the spirit of Rasa's parse endpoint, so routing quality can be measured from
/// outside. It only reads: no user is created, no dialog touched. With a model configured every call is a paid
/// model call, so (unless <see cref="NluApiOptions.OpenOnLoopback"/>, which the sign-in-free emulator sets) the caller must be signed-in staff or send a key of
/// <see cref="NluApiOptions.ApiKeys"/> in <c>X-Api-Key</c>, and each caller gets <see cref="NluApiOptions.PermitsPerMinute"/> calls a minute.
/// </summary>
public static class NluApi
{
    public sealed record ParseRequest(string? Text, string? User);

    public sealed record IntentDto(string Name, double Confidence);

    public sealed record EntityDto(string Entity, string Value, int Start, int End);

    /// <param name="Router">"rules", "classifier" or "llm": which router answered.</param>
    /// <param name="Fallback">Why the rules answered although a model is configured ("timeout", "invalid"…); left out otherwise.</param>
    public sealed record ParseResponse(
        string Text, IntentDto Intent, IReadOnlyList<EntityDto> Entities, string Router,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Fallback);

    public const int MaxTextLength = 2000;

    public const string ApiKeyHeader = "X-Api-Key";
    public const string RatePolicy = "nlu";

    public static IHostApplicationBuilder AddNluApi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<NluApiOptions>().Bind(builder.Configuration.GetSection(NluApiOptions.SectionName))
            .Validate(o => o.PermitsPerMinute > 0, "NluApi:PermitsPerMinute must be positive.")
            .Validate(o => o.ApiKeys.All(k => k.Length >= 16), "NluApi:ApiKeys: every key needs at least 16 characters.")
            .ValidateOnStart();
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, ct) => new ValueTask(Results.Problem("调用太频繁，请一分钟后再试。", statusCode: StatusCodes.Status429TooManyRequests)
                .ExecuteAsync(context.HttpContext));
            o.AddPolicy(RatePolicy, http =>
            {
                var permits = http.RequestServices.GetRequiredService<IOptions<NluApiOptions>>().Value.PermitsPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(CallerKey(http), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
                });
            });
        });
        return builder;
    }

    public static RouteGroupBuilder MapNluApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/nlu").RequireRateLimiting(RatePolicy).AddEndpointFilter(RequireCallerAsync);
        group.MapPost("/parse", ParseAsync);
        return group;
    }

    /// <summary>Per caller: the staff member or the key when one is named, else the address (a guess costs nothing to vary, a key does).</summary>
    private static string CallerKey(HttpContext http)
    {
        var key = http.Request.Headers[ApiKeyHeader].ToString();
        if (key.Length > 0) return "key:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        var staff = StaffCallers.CallerId(http);
        return staff.Length > 0 ? "staff:" + staff : "ip:" + http.Connection.RemoteIpAddress;
    }

    private static async ValueTask<object?> RequireCallerAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var services = http.RequestServices;
        var options = services.GetRequiredService<IOptions<NluApiOptions>>().Value;
        if (options.OpenOnLoopback && http.Connection.RemoteIpAddress is { } address && System.Net.IPAddress.IsLoopback(address)) return await next(context);
        if (KeyIsKnown(http.Request.Headers[ApiKeyHeader].ToString(), options.ApiKeys))
            return await next(context);
        if (await services.GetRequiredService<StaffCallers>().ScopeAsync(http, http.RequestAborted) is not null) return await next(context);
        return StaffCallers.CallerId(http).Length == 0 && http.Request.Headers[ApiKeyHeader].Count == 0
            ? Results.Problem($"请先登录社区工作台，或在 {ApiKeyHeader} 里带上接口密钥。", statusCode: StatusCodes.Status401Unauthorized)
            : Results.Problem("没有调用解析接口的权限。", statusCode: StatusCodes.Status403Forbidden);
    }

    private static bool KeyIsKnown(string offered, IReadOnlyList<string> keys)
    {
        if (offered.Length == 0) return false;
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(offered));
        var known = false;
        // Compared as hashes in constant time, every key, so timing tells nothing about a guess.
        foreach (var key in keys) known |= CryptographicOperations.FixedTimeEquals(hash, SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        return known;
    }

    private static async Task<IResult> ParseAsync(ParseRequest request, IIntentRouter router, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Text))
            return Results.Problem("请提供要解析的文字（text）。", statusCode: StatusCodes.Status400BadRequest);
        if (request.Text.Length > MaxTextLength)
            return Results.Problem($"文字太长，最多 {MaxTextLength} 字。", statusCode: StatusCodes.Status400BadRequest);

        var result = await router.ParseAsync(request.Text, ct);
        return Results.Ok(new ParseResponse(
            request.Text,
            new IntentDto(result.Intent.Name, Math.Round(result.Intent.Confidence, 3)),
            result.Entities.Select(e => new EntityDto(e.Entity, e.Value, e.Start, e.End)).ToList(),
            result.Router,
            result.Fallback));
    }
}

/// <summary>Section <c>NluApi</c>: who may call /api/nlu/parse besides signed-in staff, and how often.</summary>
public sealed class NluApiOptions
{
    public const string SectionName = "NluApi";

    /// <summary>Keys for measuring tools, sent in <c>X-Api-Key</c>; none by default.</summary>
    public List<string> ApiKeys { get; set; } = [];

    /// <summary>Calls a minute per caller (staff member, key, or address).</summary>
    public int PermitsPerMinute { get; set; } = 60;

    /// <summary>
    /// Calls from this machine need neither sign-in nor key. Off in production; the emulator (src/GovBot.Emulator), which
    /// has no WeCom sign-in and listens on loopback only, turns it on so its page can measure routing.
    /// </summary>
    public bool OpenOnLoopback { get; set; }
}
