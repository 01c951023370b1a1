using GovBot.Data;
using GovBot.Data.Seeding;
using GovBot.Host.Nlu;
using GovBot.Host.Staff;
using GovBot.Host.WeCom.Api;
using Microsoft.Extensions.Options;

namespace GovBot.Emulator;

public static class EmulatorExtensions
{
    public const string PagePath = "/emulator";

    /// <summary>
    /// Turns the host (<see cref="GovBot.Host.GovBotApp.CreateBuilder"/>) into the emulator through the host's own
    /// options: the WeCom options are replaced by the emulator's made-up corp and point at a stand-in of WeCom's API
    /// started with the host, so the outbox sends there and the start-up validation passes without real credentials;
    /// the demo county loads unless Data:SeedDemoCounty says otherwise; the staff pages get a demo admin and the
    /// stand-in's authorize page; the NLU API opens to this machine. Call before the host is built.
    /// </summary>
    public static IHostApplicationBuilder AddWeComEmulator(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<EmulatorOptions>()
            .Bind(builder.Configuration.GetSection(EmulatorOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddOptions<WeComOptions>().PostConfigure<EmulatorStandIn>((o, standIn) =>
        {
            o.CorpId = EmulatorCredentials.CorpId;
            o.AgentId = EmulatorCredentials.AgentId;
            o.Secret = EmulatorCredentials.Secret;
            o.Token = EmulatorCredentials.Token;
            o.EncodingAesKey = EmulatorCredentials.EncodingAesKey;
            o.ApiBaseUrl = standIn.Instance.BaseUrl;
        });

        // The demo county belongs to the emulator. A Configure runs after the configuration's own binding (so an explicit
        // Data:SeedDemoCounty=false still wins) and before the host's post-configuration; this post-configuration runs
        // after the host's, so the emulator never refuses a store for holding the demo.
        services.Configure<DataOptions>(o => o.SeedDemoCounty ??= true);
        services.PostConfigure<DataOptions>(o => o.RefuseDemoStore = false);

        services.AddOptions<StaffOptions>().PostConfigure<EmulatorStandIn>((o, standIn) =>
        {
            if (string.IsNullOrWhiteSpace(o.BootstrapAdmin.UserName) && string.IsNullOrWhiteSpace(o.BootstrapAdmin.PasswordHash))
                o.BootstrapAdmin = new BootstrapAdminOptions { UserName = DemoUsers.CountyAdmin, PasswordHash = StaffPasswords.Hash(StaffOptions.DemoPassword) };
            if (o.OAuthAuthorizeUrl == new StaffOptions().OAuthAuthorizeUrl)
                o.OAuthAuthorizeUrl = standIn.Instance.BaseUrl + WeComApiStandIn.AuthorizePath;
        });

        // The page's routing check calls /api/nlu/parse with no sign-in; the loopback guard keeps other machines out.
        services.PostConfigure<NluApiOptions>(o => o.OpenOnLoopback = true);

        services.AddSingleton<EmulatorStandIn>();
        services.AddEmulatorCustomerServiceEntry();
        services.AddSingleton<EmulatorChatLog>();
        services.AddSingleton<EmulatorLoopback>();
        services.AddSingleton<EmulatorChat>();
        services.AddSingleton<EmulatorPeople>();
        services.AddHostedService<EmulatorAnnouncer>();
        services.AddHostedService<EmulatorLoopbackGuard>();
        services.AddHostedService<DirectorySyncEmulatorBook>();
        return builder;
    }

    /// <summary>The page at /emulator, its API, and "/" leading to the page.</summary>
    public static IEndpointRouteBuilder MapWeComEmulator(this IEndpointRouteBuilder app)
    {
        var page = EmulatorResources.Read("emulator.html");
        app.MapGet(PagePath, () => Results.Bytes(page, "text/html; charset=utf-8"));
        app.MapGet("/" + EmulatorChat.PhotoPath, () => Results.Bytes(DemoPhoto.Bytes, "image/png"));
        app.MapGet("/", () => Results.Redirect(PagePath));
        app.MapEmulatorApi();
        return app;
    }
}
