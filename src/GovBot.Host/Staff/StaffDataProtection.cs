using GovBot.Skills.State;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using StackExchange.Redis;

namespace GovBot.Host.Staff;

/// <summary>
/// The keys that sign and encrypt the staff cookie and the forms' antiforgery tokens. With Redis
/// (<c>ConnectionStrings:Redis</c>) every host keeps one key ring there under one application name, so a cookie
/// issued by one host opens pages on another and a form rendered by one may be posted to another. Without Redis
/// nothing is configured: ASP.NET Core's default (a key folder in the user's profile, or keys in memory where there
/// is none) stays as it was, so one host's sign-ins survive as before.
/// </summary>
public static class StaffDataProtection
{
    /// <summary>Isolates these keys' purposes from other apps; the same on every host, unlike the default (the content root).</summary>
    public const string ApplicationName = "GovBot";

    /// <summary>The key ring's Redis key, after the state store's prefix.</summary>
    public const string KeyRingKey = "data-protection-keys";

    public static IHostApplicationBuilder AddStaffDataProtection(this IHostApplicationBuilder builder)
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(StateRegistration.ConnectionStringName)))
            return builder;

        builder.Services.AddDataProtection().SetApplicationName(ApplicationName);
        // As PersistKeysToStackExchangeRedis does, but with the connection AddGovBotState shares, taken when first needed.
        builder.Services.AddOptions<KeyManagementOptions>()
            .Configure<IConnectionMultiplexer, IServiceProvider>((o, redis, sp) =>
            {
                var prefix = (sp.GetService<RedisStateStoreOptions>() ?? new RedisStateStoreOptions()).KeyPrefix;
                o.XmlRepository = new RedisXmlRepository(() => redis.GetDatabase(), prefix + KeyRingKey);
            });
        return builder;
    }
}
