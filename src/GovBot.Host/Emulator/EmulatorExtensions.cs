using GovBot.Data;
using GovBot.Host.WeCom.Api;
using Microsoft.Extensions.Options;

namespace GovBot.Host.Emulator;

public static class EmulatorExtensions
{
    public const string PagePath = "/emulator";

    /// <summary>
    /// The emulator mode (see <see cref="EmulatorOptions"/>). When on, the WeCom options are replaced by the
    /// emulator's made-up corp and point at a stand-in of WeCom's API started with the host, so the
    /// outbox sends there and the start-up validation passes without real credentials. Everything is
    /// decided from the final configuration when the host starts, so test hosts may switch it either way.
    /// </summary>
    public static IHostApplicationBuilder AddWeComEmulator(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<EmulatorOptions>()
            .Bind(builder.Configuration.GetSection(EmulatorOptions.SectionName))
            .PostConfigure<IConfiguration>((o, config) =>
                o.Enabled ??= string.IsNullOrWhiteSpace(config[$"{WeComOptions.SectionName}:{nameof(WeComOptions.CorpId)}"]))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddOptions<WeComOptions>().PostConfigure<IOptions<EmulatorOptions>, EmulatorStandIn>((o, emulator, standIn) =>
        {
            if (!emulator.Value.IsOn) return;
            o.CorpId = EmulatorCredentials.CorpId;
            o.AgentId = EmulatorCredentials.AgentId;
            o.Secret = EmulatorCredentials.Secret;
            o.Token = EmulatorCredentials.Token;
            o.EncodingAesKey = EmulatorCredentials.EncodingAesKey;
            o.ApiBaseUrl = standIn.Instance.BaseUrl;
        });

        // The demo county belongs to the emulator: real mode starts empty and refuses a store holding invented people,
        // unless the operator asks for the demo explicitly (Data:SeedDemoCounty=true).
        services.AddOptions<DataOptions>().PostConfigure<IOptions<EmulatorOptions>>((o, emulator) =>
        {
            if (emulator.Value.IsOn)
            {
                o.SeedDemoCounty ??= true;
                return;
            }
            o.RefuseDemoStore = o.SeedDemoCounty != true;
            o.SeedDemoCounty ??= false;
        });

        services.AddSingleton<EmulatorStandIn>();
        services.AddSingleton<EmulatorChatLog>();
        services.AddSingleton<EmulatorLoopback>();
        services.AddSingleton<EmulatorChat>();
        services.AddSingleton<EmulatorPeople>();
        services.AddHostedService<EmulatorAnnouncer>();
        services.AddHostedService<EmulatorLoopbackGuard>();
        return builder;
    }

    /// <summary>The page at /emulator, its API, and "/" leading to the page; nothing at all when the emulator is off.</summary>
    public static IEndpointRouteBuilder MapWeComEmulator(this IEndpointRouteBuilder app)
    {
        if (!app.ServiceProvider.GetRequiredService<IOptions<EmulatorOptions>>().Value.IsOn) return app;

        var page = EmulatorResources.Read("emulator.html");
        app.MapGet(PagePath, () => Results.Bytes(page, "text/html; charset=utf-8"));
        app.MapGet("/" + EmulatorChat.PhotoPath, () => Results.Bytes(DemoPhoto.Bytes, "image/png"));
        app.MapGet("/", () => Results.Redirect(PagePath));
        app.MapEmulatorApi();
        return app;
    }
}
