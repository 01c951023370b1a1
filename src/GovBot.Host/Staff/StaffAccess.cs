using GovBot.Data.People;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace GovBot.Host.Staff;

/// <summary>
/// Who may call what, declared once per endpoint group with <c>RequireAuthorization(StaffAccess.X)</c> instead of a
/// check in every handler. The policy resolves the caller's <see cref="StaffScope"/> (kept on the request, so a
/// handler takes it as a parameter) and refuses before the handler runs: 401/403 problem for /api, the sign-in page
/// or a Chinese refusal page for /staff. What remains for a handler is the object-level check
/// (<see cref="StaffScope.Allows"/>, <see cref="StaffScope.AllowsCommunity"/>).
/// </summary>
public static class StaffAccess
{
    /// <summary>Anyone with a staff role: county admin, community staff and secretaries, grid workers.</summary>
    public const string AnyStaff = "staff";

    /// <summary>County admin, or staff and secretaries of a community (lists kept per community: check-ins, services, points).</summary>
    public const string Community = "staff.community";

    /// <summary>County admin or a community secretary (may read the reminders).</summary>
    public const string Secretary = "staff.secretary";

    /// <summary>County admin only: things that act on every community at once, such as pausing a reminder.</summary>
    public const string County = "staff.county";

    internal static readonly object ScopeKey = new();

    public static IServiceCollection AddStaffAccess(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(AnyStaff, p => p.AddRequirements(new StaffRequirement(_ => true, "您没有社区工作人员的权限。")))
            .AddPolicy(Community, p => p.AddRequirements(new StaffRequirement(s => s.SeesCommunityLists, "只有社区工作人员和县里管理员可以办理。")))
            .AddPolicy(Secretary, p => p.AddRequirements(new StaffRequirement(s => s.ReadsReminders, "只有县里管理员和社区书记可以查看。")))
            .AddPolicy(County, p => p.AddRequirements(new StaffRequirement(s => s.County, "这项操作对全县生效，只有县里管理员可以办理。")));
        services.AddScoped<IAuthorizationHandler, StaffAuthorizationHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, StaffRefusals>();
        return services;
    }

    /// <summary>The scope the policy resolved for this request; null when none ran or the caller holds no staff role.</summary>
    public static StaffScope? ScopeOf(HttpContext http) => http.Items[ScopeKey] as StaffScope;

    internal static bool IsApi(HttpContext http) =>
        http.Request.Path.StartsWithSegments("/api") || http.Request.Path.StartsWithSegments("/staff/api");
}

/// <summary>A staff role the caller must hold, as a test on their scope, and what they are told when they lack it.</summary>
public sealed class StaffRequirement(Func<StaffScope, bool> allows, string refusal) : IAuthorizationRequirement
{
    public bool Allows(StaffScope scope) => allows(scope);

    public string Refusal { get; } = refusal;
}

/// <summary>Resolves the caller once per request (roles are read from the store, so a withdrawn role counts at once).</summary>
public sealed class StaffAuthorizationHandler : AuthorizationHandler<StaffRequirement>
{
    private static readonly object Resolved = new();

    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, StaffRequirement requirement)
    {
        if (context.Resource is not HttpContext http) return;
        // The X-GovBot-Staff header is for scripts calling the JSON endpoints; the pages always need the cookie.
        if (!StaffAccess.IsApi(http) && http.User.Identity?.IsAuthenticated != true) return;
        if (!http.Items.ContainsKey(Resolved))
        {
            http.Items[Resolved] = true;
            var callers = http.RequestServices.GetRequiredService<StaffCallers>();
            http.Items[StaffAccess.ScopeKey] = await callers.ScopeAsync(http, http.RequestAborted);
        }
        if (StaffAccess.ScopeOf(http) is { } scope && requirement.Allows(scope)) context.Succeed(requirement);
    }
}

/// <summary>How a refusal looks: problem details for /api, the sign-in page or a refusal page for /staff.</summary>
public sealed class StaffRefusals : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext http, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        var staff = policy.Requirements.OfType<StaffRequirement>().ToList();
        if (result.Succeeded || staff.Count == 0)
        {
            await _default.HandleAsync(next, http, policy, result);
            return;
        }
        var scope = StaffAccess.ScopeOf(http);
        var why = scope is null ? "您没有社区工作人员的权限。" : staff.First(r => !r.Allows(scope)).Refusal;
        IResult answer;
        if (StaffAccess.IsApi(http))
            answer = StaffCallers.CallerId(http).Length == 0
                ? Results.Problem("请先登录社区工作台（/staff/login）。", statusCode: StatusCodes.Status401Unauthorized)
                : Results.Problem(why, statusCode: StatusCodes.Status403Forbidden);
        else
            answer = http.User.Identity?.IsAuthenticated == true ? StaffHtml.Refused(scope, why) : StaffPages.Denied(http);
        await answer.ExecuteAsync(http);
    }
}
