using GovBot.Data;
using GovBot.Host.Backups;
using GovBot.Host.CheckIns;
using GovBot.Host.GroupChats;
using GovBot.Host.Health;
using GovBot.Host.Nlu;
using GovBot.Host.Open311;
using GovBot.Host.Points;
using GovBot.Host.Privacy;
using GovBot.Host.Reminders;
using GovBot.Host.Reports;
using GovBot.Host.Services;
using GovBot.Host.Staff;
using GovBot.Host.StaffDirectory;
using GovBot.Host.Structure;
using GovBot.Host.Telemetry;
using GovBot.Host.Voice;
using GovBot.Host.WeCom;
using GovBot.Host.WeCom.CustomerService.Links;
using GovBot.Skills.Ai;
using GovBot.Skills.CheckIns;
using GovBot.Skills.Conversation;
using GovBot.Skills.GridContact;
using GovBot.Skills.Handoff;
using GovBot.Skills.Help;
using GovBot.Skills.MyRequests;
using GovBot.Skills.Nlu;
using GovBot.Skills.Onboarding;
using GovBot.Skills.Points;
using GovBot.Skills.Reminders;
using GovBot.Skills.Reports;
using GovBot.Skills.Services;
using GovBot.Skills.State;
using GovBot.Skills.Voice;
using GovBot.Skills.Teaching;
using GovBot.Skills.Visits;
using GovBot.Skills.Volunteers;
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

        // Data and state.
        builder.AddGovBotData();
        builder.AddGovBotState();

        // The bot's features (GovBot.Skills): one AddGovBotX per feature folder, each with its own skills, options and reminders.
        builder.AddGovBotNlu();
        builder.AddGovBotAi();
        builder.AddGovBotVoice();
        builder.AddGovBotConversation();
        builder.AddGovBotReminders();
        builder.AddGovBotHelp();
        builder.AddGovBotOnboarding();
        builder.AddGovBotMyRequests();
        builder.AddGovBotGridContact();
        builder.AddGovBotReports();
        builder.AddGovBotCheckIns();
        builder.AddGovBotServices();
        builder.AddGovBotVolunteers();
        builder.AddGovBotPoints();
        builder.AddGovBotWishes();
        builder.AddGovBotHandoff();
        builder.AddGovBotWorkerDesk();
        builder.AddGovBotVisits();
        builder.AddGovBotTeaching();

        // The host's side of them (GovBot.Host): one AddXHosting per feature folder.
        builder.AddWeComHosting();
        builder.AddCustomerServiceEntryHosting();
        builder.AddReportsHosting();
        builder.AddVoiceHosting();
        builder.AddRemindersHosting();
        builder.AddPrivacyHosting();
        builder.AddBackupsHosting();
        builder.AddOpen311Hosting();
        builder.AddHealthHosting();
        builder.AddStaffHosting();
        builder.AddGroupChatsHosting();
        builder.AddStructureHosting();
        builder.AddStaffDirectoryHosting();
        builder.AddNluHosting();
        builder.AddTelemetryHosting();

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

        app.MapWeComHosting();
        app.MapNluHosting();
        app.MapOpen311Hosting();
        app.MapCheckInsHosting();
        app.MapServicesHosting();
        app.MapPointsHosting();
        app.MapRemindersHosting();
        app.MapHealthHosting();
        app.MapStaffHosting();
        app.MapTelemetryHosting();
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
