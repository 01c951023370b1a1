using GovBot.Host.WeCom.Callback;
using GovBot.Host.WeCom.CustomerService;
using GovBot.Host.WeCom.Outbox;

namespace GovBot.Host.WeCom;

/// <summary>
/// The WeCom channel: the outbound half (options, API client, outbox dispatcher: <see cref="WeComOutboundExtensions"/>)
/// and the inbound half (callback crypto, inbox, turns: <see cref="WeComCallbackExtensions"/>), and the callback URL.
/// </summary>
public static class WeComHosting
{
    public static IHostApplicationBuilder AddWeComHosting(this IHostApplicationBuilder builder)
    {
        builder.AddWeComOutbound();
        builder.AddWeComCallback();
        builder.AddCustomerServiceHosting();
        return builder;
    }

    public static IEndpointRouteBuilder MapWeComHosting(this IEndpointRouteBuilder app)
    {
        app.MapWeComCallback();
        return app;
    }
}
