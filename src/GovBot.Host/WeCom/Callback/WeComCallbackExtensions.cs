using GovBot.Data;
using GovBot.Data.Store;
using GovBot.Host.Turns;
using GovBot.Host.WeCom.Api;
using GovBot.Host.WeCom.Crypto;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GovBot.Host.WeCom.Callback;

public static class WeComCallbackExtensions
{
    /// <summary>
    /// The inbound half of the channel: callback crypto, the inbox, and the per-user turn processor
    /// with its sweeper that finishes what a crash left behind.
    /// </summary>
    public static IHostApplicationBuilder AddWeComCallback(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<WeComOptions>>().Value;
            return new WeComCrypto(o.Token, o.EncodingAesKey, o.CorpId);
        });
        services.AddSingleton<IInboundReader, WeComInboundReader>();
        services.AddSingleton<PassiveReplyWaiters>();
        services.TryAddSingleton<StoreWriteGate>();
        services.AddSingleton<InboxWriter>();
        services.AddSingleton<PendingInbox>();
        services.AddSingleton<PreparedTurns>();
        services.AddSingleton<TurnRunner>();
        services.AddMetrics();
        services.TryAddSingleton<TurnMetrics>();
        services.AddSingleton<InboxMetrics>();
        services.AddSingleton<TurnCommit>();
        services.AddSingleton<CallbackIntake>();
        services.AddSingleton<InboxDrain>();
        services.AddSingleton<DrainLauncher>();
        services.AddHostedService<InboxSweeper>();
        return builder;
    }
}
