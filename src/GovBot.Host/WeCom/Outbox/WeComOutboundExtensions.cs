using GovBot.Data.Messaging;
using GovBot.Data;
using GovBot.Data.Store;
using GovBot.Host.Health;
using GovBot.Host.Turns;
using GovBot.Host.WeCom.Api;
using GovBot.Skills.State;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace GovBot.Host.WeCom.Outbox;

public static class WeComOutboundExtensions
{
    /// <summary>
    /// WeCom options (validated at start), the API client with its shared access token, and the
    /// outbox dispatcher. Needs <c>GovBotDb</c> registered; uses the registered <see cref="IStateStore"/>
    /// and <see cref="TimeProvider"/>, adding the in-memory store and the system clock if none are.
    /// </summary>
    public static IHostApplicationBuilder AddWeComOutbound(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<WeComOptions>()
            .Bind(builder.Configuration.GetSection(WeComOptions.SectionName))
            .ValidateDataAnnotations()
            // A fresh checkout run as the production host lands here: say where the demo went.
            .Validate(o => !string.IsNullOrWhiteSpace(o.CorpId),
                "WeCom:CorpId is not set: configure the WeCom section (docs/configuration.md), or for a demo without WeCom run the emulator: dotnet run --project src/GovBot.Emulator")
            .ValidateOnStart();
        services.AddOptions<OutboxOptions>()
            .Bind(builder.Configuration.GetSection(OutboxOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IStateStore, MemoryStateStore>();

        services.AddHttpClient<WeComTokenProvider>(ConfigureClient);
        services.AddTransient<IWeComAccessTokenProvider>(sp => sp.GetRequiredService<WeComTokenProvider>());
        // Readiness: whether a token can be had, from the provider's cache and its last fetch (never a call per probe).
        services.AddSingleton<WeComTokenHealth>();
        services.AddMetrics();
        services.TryAddSingleton<WeComMetrics>();
        services.TryAddSingleton<GovBot.Host.Staff.SystemTally>();
        services.TryAddSingleton<TurnMetrics>(); // the sender counts pushed answers
        services.AddSingleton<OutboxMetrics>();
        services.AddHealthChecks().AddCheck<WeComTokenHealth>("wecom-token", tags: [HealthTags.Ready]);
        services.AddHttpClient<IWeComApi, WeComApiClient>(ConfigureClient);

        services.AddSingleton<WeComSendBudget>();
        // Shared through Redis when AddGovBotState connected to one: several hosts then keep WeCom's limits together.
        services.AddSingleton<IWeComSendBudget>(sp => sp.GetService<IConnectionMultiplexer>() is { } redis
            ? ActivatorUtilities.CreateInstance<RedisSendBudget>(sp, redis,
                sp.GetService<RedisStateStoreOptions>() ?? new RedisStateStoreOptions())
            : sp.GetRequiredService<WeComSendBudget>());
        services.TryAddSingleton<StoreWriteGate>();
        services.AddSingleton<OutboxSender>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddSingleton<IOutboxSignal>(sp => sp.GetRequiredService<OutboxDispatcher>());
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        return builder;
    }

    private static void ConfigureClient(IServiceProvider services, HttpClient http)
    {
        var options = services.GetRequiredService<IOptions<WeComOptions>>().Value;
        // A trailing slash keeps a path prefix in the base (e.g. an emulator mounted under /wecom).
        http.BaseAddress = new Uri(options.ApiBaseUrl.TrimEnd('/') + "/");
        http.Timeout = options.ApiTimeout;
    }
}
