using GovBot.Data;
using GovBot.Data.People;
using GovBot.Host.WeCom.CustomerService;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Emulator;

/// <summary>
/// The emulator's customer-service account for the entry links (「微信入口」 makes links on it), and its servicers: the
/// demo county's grid workers and community staff, as a county would list them in WeCom's console.
/// </summary>
public static class EmulatorCustomerServiceEntry
{
    /// <summary>The stand-in's one account (WeCom's ids start with "wk"): the emulator's WeChat user writes to it too.</summary>
    public const string OpenKfId = WeChatUserSimulator.DefaultAccount;

    public static IServiceCollection AddEmulatorCustomerServiceEntry(this IServiceCollection services)
    {
        services.AddOptions<CustomerServiceOptions>().PostConfigure<EmulatorStandIn, IDbContextFactory<GovBotDb>>((o, standIn, contexts) =>
        {
            o.OpenKfId ??= OpenKfId;
            standIn.Instance.IsServicerRule ??= userId =>
            {
                using var db = contexts.CreateDbContext();
                return db.People.AsNoTracking().Any(p => p.WeComUserId == userId && p.LeftAt == null
                    && (p.Roles & (Roles.GridWorker | Roles.Staff | Roles.Secretary)) != 0);
            };
        });
        return services;
    }
}
