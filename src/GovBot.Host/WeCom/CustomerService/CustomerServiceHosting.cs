using GovBot.Host.WeCom.Api;
using Microsoft.Extensions.Options;

namespace GovBot.Host.WeCom.CustomerService;

/// <summary>
/// The customer-service channel (微信客服): the kf_msg_or_event callback's pull into the inbox, the sweep, and the
/// outbox's sender to WeChat users. Needs the WeCom channel (<see cref="WeComHosting"/>) registered first.
/// </summary>
public static class CustomerServiceHosting
{
    public static IHostApplicationBuilder AddCustomerServiceHosting(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<CustomerServiceOptions>()
            .Bind(builder.Configuration.GetSection(CustomerServiceOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => o.ReservedForAnswers < o.MessagesPerWindow,
                "WeCom:CustomerService:ReservedForAnswers must be below MessagesPerWindow, or pushes could never go out")
            .Validate(o => o.HasValidIds,
                "WeCom:CustomerService:OpenKfId and OpenKfIds must be the accounts' open_kfid values (letters, digits, '-' and '_', as kf/account/list gives them); leave OpenKfId out to run without links")
            .ValidateOnStart();
        services.AddHttpClient<ICustomerServiceApi, CustomerServiceApiClient>((sp, http) =>
        {
            var options = sp.GetRequiredService<IOptions<WeComOptions>>().Value;
            http.BaseAddress = new Uri(options.ApiBaseUrl.TrimEnd('/') + "/");
            http.Timeout = options.ApiTimeout;
        });
        services.AddSingleton<KfBatchWriter>();
        services.AddSingleton<CustomerServicePuller>();
        services.AddSingleton<CustomerServicePulls>();
        services.AddHostedService(sp => sp.GetRequiredService<CustomerServicePulls>());
        services.AddSingleton<CustomerServiceCallback>();
        services.AddScoped<KfOutboxSender>();
        return builder;
    }
}
