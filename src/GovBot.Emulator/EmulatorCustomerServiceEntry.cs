using GovBot.Data;
using GovBot.Data.People;
using GovBot.Host.WeCom.CustomerService.Links;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Emulator;

/// <summary>
/// The emulator's customer-service account for the entry links (「微信入口」 makes links on it), and its servicers: the
/// demo county's grid workers and community staff, as a county would list them in WeCom's console.
/// </summary>
public static class EmulatorCustomerServiceEntry
{
    /// <summary>The stand-in's account id (WeCom's start with "wk").</summary>
    public const string OpenKfId = "wkEmulatorKf000001";

    public static IServiceCollection AddEmulatorCustomerServiceEntry(this IServiceCollection services)
    {
        services.AddOptions<CustomerServiceLinkOptions>().PostConfigure<EmulatorStandIn, IDbContextFactory<GovBotDb>>((o, standIn, contexts) =>
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
