using GovBot.Data;
using GovBot.Host.Backups;
using GovBot.Host.CheckIns;
using GovBot.Host.StaffDirectory;
using GovBot.Host.Health;
using GovBot.Host.Nlu;
using GovBot.Host.Open311;
using GovBot.Host.Points;
using GovBot.Host.Privacy;
using GovBot.Host.Reminders;
using GovBot.Host.Reports;
using GovBot.Host.Services;
using GovBot.Host.Staff;
using GovBot.Host.Structure;
using GovBot.Host.WeCom.Callback;
using GovBot.Host.WeCom.Outbox;
using GovBot.Skills.Ai;
using GovBot.Skills.CheckIns;
using GovBot.Skills.Conversation;
using GovBot.Skills.Handoff;
using GovBot.Skills.Nlu;
using GovBot.Skills.Reports;
using GovBot.Skills.Services;
using GovBot.Skills.State;
using GovBot.Skills.Wishes;
using GovBot.Skills.WorkerDesk;

namespace GovBot.Host;

/// <summary>
/// The host's composition, shared by its own Program and by the emulator (src/GovBot.Emulator), which adds its
/// WeCom stand-in and page between <see cref="CreateBuilder"/> and <see cref="Build"/> (the ".NET dev host" pattern):
/// the production host carries no emulator code at all.
/// </summary>
public static class GovBotApp
{
    /// <summary>A builder with every GovBot feature registered; the caller may add more before <see cref="Build"/>.</summary>
    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.UseFallbackUrlsUnlessConfigured();

        builder.AddGovBotData();
        builder.AddGovBotState();
        builder.AddGovBotNlu();
        builder.AddGovBotAi();
        builder.AddGovBotConversation();
        builder.AddGovBotReports();
        builder.AddGovBotCheckIns();
        builder.AddGovBotServices();
        builder.AddGovBotPointsAndWishes();
        builder.AddGovBotHandoff();
        builder.AddGovBotWorkerDesk();
        builder.AddWeComOutbound();
        builder.AddReportBackgroundWork();
        builder.AddReminders();
        builder.AddPersonalData();
        builder.AddStoreBackups();
        builder.AddWeComCallback();
        builder.AddOpen311();
        builder.AddGovBotHealth();
        builder.AddStaffPages();
        builder.AddCountyStructure();
        builder.AddDirectorySync();
        builder.AddStaffWebProtections();
        builder.AddNluApi();

        builder.RefuseDemoStoreUnlessAsked();
        return builder;
    }

    /// <summary>Builds the app with the middleware in order and every GovBot endpoint mapped; the caller may map more.</summary>
    public static WebApplication Build(WebApplicationBuilder builder)
    {
        var app = builder.Build();

        // The client's address and scheme first (from configured proxies only), then routing and who is calling.
        app.UseTrustedProxies();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseStaffPageHeaders();

        app.MapWeComCallback();
        app.MapNluApi();
        app.MapOpen311();
        app.MapCheckInsApi();
        app.MapServicesApi();
        app.MapPointsApi();
        app.MapRemindersApi();
        app.MapGovBotHealth();
        app.MapStaffPages();
        return app;
    }

    /// <summary>
    /// A store is empty unless asked: the demo county (invented people) loads only with Data:SeedDemoCounty=true, and a
    /// store holding it is refused otherwise, so a deployment never serves made-up residents. The emulator asks for it
    /// by default (Configure runs before this post-configuration).
    /// </summary>
    private static void RefuseDemoStoreUnlessAsked(this WebApplicationBuilder builder) =>
        builder.Services.AddOptions<DataOptions>().PostConfigure(o =>
        {
            o.RefuseDemoStore = o.SeedDemoCounty != true;
            o.SeedDemoCounty ??= false;
        });
}
