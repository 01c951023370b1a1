using GovBot.Host.WeCom.Api;
using GovBot.Host.WeCom.CustomerService.Handoff;
using GovBot.Skills.Handoff;
using Microsoft.Extensions.Options;

namespace GovBot.Host.WeCom.CustomerService.Links;

/// <summary>
/// The customer-service entry points and handoff: links per community and grid (made from the 「微信入口」 staff page,
/// mapped with the staff pages), the observer that reads a link's scene on enter_session, the handoff through
/// <c>kf/service_state/trans</c> and the observer that gives the session back to the bot when a servicer ends it.
/// </summary>
public static class CustomerServiceEntryHosting
{
    public static IHostApplicationBuilder AddCustomerServiceEntryHosting(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        // The account links are made on is CustomerServiceOptions.OpenKfId, bound and validated by AddCustomerServiceHosting.
        services.AddHttpClient<ICustomerServiceEntryClient, CustomerServiceEntryClient>((sp, http) =>
        {
            var options = sp.GetRequiredService<IOptions<WeComOptions>>().Value;
            http.BaseAddress = new Uri(options.ApiBaseUrl.TrimEnd('/') + "/");
            http.Timeout = options.ApiTimeout;
        });
        services.AddScoped<CustomerServiceLinks>();
        services.AddSingleton<ICustomerServiceSessionObserver, CustomerServiceEntryObserver>();
        services.AddSingleton<ICustomerServiceSessionObserver, CustomerServiceHandoffObserver>();
        // After AddGovBotHandoff's default: the last registration is the one a skill gets.
        services.AddScoped<IHandoffTransfer, CustomerServiceHandoffTransfer>();
        return builder;
    }
}
