using Microsoft.Extensions.DependencyInjection.Extensions;
using System.Globalization;
using GovBot.Host.GroupChats;
using GovBot.Host.Places;
using GovBot.Host.StaffDirectory;
using GovBot.Host.Structure;
using GovBot.Host.WeCom.Api;
using Microsoft.Extensions.Options;

namespace GovBot.Host.Staff;

/// <summary>
/// The staff pages under /staff: sign-in (cookie), the dashboard, and the work lists. (The emulator, src/GovBot.Emulator,
/// configures a demo admin and its stand-in's authorize page through <see cref="StaffOptions"/>.)
/// </summary>
public static class StaffPages
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    public static IHostApplicationBuilder AddStaffPages(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<StaffOptions>().Bind(builder.Configuration.GetSection(StaffOptions.SectionName));
        services.AddAuthentication(StaffSignIn.Scheme).AddCookie(StaffSignIn.Scheme, o =>
        {
            o.Cookie.Name = "govbot.staff";
            o.Cookie.HttpOnly = true;
            // Lax keeps the cookie off cross-site form posts; a page of the same site (another subdomain) still could
            // post, which is why every form also carries an antiforgery token (StaffFormGuard).
            o.Cookie.SameSite = SameSiteMode.Lax;
            // Secure whenever the browser used https, also behind a TLS proxy listed in ForwardedHeaders.
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.SlidingExpiration = true;
            o.LoginPath = "/staff/login";
        });
        services.AddOptions<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(StaffSignIn.Scheme)
            .Configure<IOptions<StaffOptions>>((cookie, staff) => cookie.ExpireTimeSpan = staff.Value.SessionLifetime);
        services.AddScoped<StaffCallers>();
        services.AddStaffAccess();
        services.AddSingleton<StaffLoginThrottle>();
        builder.AddStaffDataProtection();
        services.AddHostedService<BootstrapAdminSeeder>();
        services.AddScoped<DashboardQuery>();
        services.AddOptions<SystemPageOptions>().Bind(builder.Configuration.GetSection(SystemPageOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<SystemFigures>();
        services.AddSingleton<TeachingReadings>();
        services.TryAddSingleton<SystemTally>();
        services.AddSingleton<SystemSampler>();
        services.AddHostedService(sp => sp.GetRequiredService<SystemSampler>());
        services.AddHttpClient<WeComUserIdentity>((sp, http) =>
        {
            var options = sp.GetRequiredService<IOptions<WeComOptions>>().Value;
            http.BaseAddress = new Uri(options.ApiBaseUrl.TrimEnd('/') + "/");
            http.Timeout = options.ApiTimeout;
        });
        return builder;
    }

    public static IEndpointRouteBuilder MapStaffPages(this IEndpointRouteBuilder app)
    {
        app.MapGroup("").AllowAnonymous().AddEndpointFilter<StaffFormGuard>().MapStaffSignIn();
        // Every other page needs a staff role; a page for fewer people narrows it further where it is mapped.
        var pages = app.MapGroup("").RequireAuthorization(StaffAccess.AnyStaff).AddEndpointFilter<StaffFormGuard>();
        pages.MapGet("/staff", StaffDashboardPage.ShowAsync);
        pages.MapStaffReports();
        pages.MapStaffReminders();
        pages.MapGet("/staff/lists", StaffListsPage.Show);
        // The county's structure and staff from a workbook: county admins only (narrowed where it is mapped).
        pages.MapCountyStructure();
        // Lists kept per community: not for grid workers, who handle these in WeCom.
        var community = pages.MapGroup("").RequireAuthorization(StaffAccess.Community);
        community.MapStaffCheckIns();
        community.MapStaffCustomerService();
        community.MapStaffWishes();
        community.MapStaffPoints();
        community.MapStaffServices();
        // 「待学习」: what the bot missed in this community, labelled by its staff.
        community.MapStaffTeaching();
        // 「微信入口」: the customer-service QR codes of the community and its grids, to print for notice boards.
        community.MapStaffEntryLinks();
        // Where each compound is on the map, and each grid's WeCom group chat: community staff and county admins.
        pages.MapPlacePages();
        pages.MapGroupChatPages();
        // 「系统」: how the bot itself is doing, for county admins only.
        pages.MapGroup("").RequireAuthorization(StaffAccess.County).MapStaffSystem();
        // The address-book sync narrows itself to county admins.
        pages.MapDirectorySync();
        // A resident's rights (PIPL): the API's own filter narrows it to county admins and the person's own secretary.
        app.MapPersonalDataApi().RequireAuthorization(StaffAccess.AnyStaff);
        return app;
    }

    /// <summary>The signed-in caller's scope; null when nobody is signed in or the person lost their staff roles.</summary>
    public static async Task<StaffScope?> RequireAsync(HttpContext http, StaffCallers callers, CancellationToken ct) =>
        http.User.Identity?.IsAuthenticated != true ? null : StaffAccess.ScopeOf(http) ?? await callers.ScopeAsync(http, ct);

    public static IResult Denied(HttpContext http) =>
        http.User.Identity?.IsAuthenticated == true
            ? StaffHtml.Refused(null, "您没有社区工作人员的权限。")
            : Results.Redirect("/staff/login?returnUrl=" + Uri.EscapeDataString(http.Request.Path + http.Request.QueryString));

    /// <summary>From the start of <paramref name="from"/> to the end of <paramref name="to"/>, China days; the last 30 days by default.</summary>
    public static (DateTimeOffset From, DateTimeOffset To) Range(string? from, string? to, TimeProvider time)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().ToOffset(China).DateTime);
        var end = Parse(to) ?? today;
        var start = Parse(from) ?? end.AddDays(-29);
        if (start > end) (start, end) = (end, start);
        return (At(start), At(end.AddDays(1)));
    }

    public static string Day(DateTimeOffset at) => at.ToOffset(China).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly? Parse(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), China);
}
