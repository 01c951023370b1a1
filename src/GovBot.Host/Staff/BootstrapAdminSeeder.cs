using GovBot.Data;
using GovBot.Data.People;
using GovBot.Data.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GovBot.Host.Staff;

/// <summary>
/// The first county administrator of a real county: the WeCom user id in <c>Staff:BootstrapAdmin:UserName</c> is made
/// a county admin while the host starts, so that they can sign in with WeCom (or the configured password) to an
/// empty store and import the county. Nobody else becomes an admin by configuration.
/// </summary>
public sealed partial class BootstrapAdminSeeder(
    IDbContextFactory<GovBotDb> dbs, IOptions<StaffOptions> options, TimeProvider time, ILogger<BootstrapAdminSeeder> log)
    : StartupSeeder
{
    public override async Task SeedAsync(CancellationToken ct = default)
    {
        var userName = options.Value.BootstrapAdmin.UserName?.Trim();
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (string.IsNullOrEmpty(userName))
        {
            if (!await db.People.AnyAsync(p => (p.Roles & Roles.CountyAdmin) != 0, ct)) LogNoAdmin(log);
            return;
        }
        var person = await db.People.FirstOrDefaultAsync(p => p.WeComUserId == userName, ct);
        if (person is null)
        {
            person = new Person { WeComUserId = userName, Name = userName, Roles = Roles.CountyAdmin, CreatedAt = time.GetUtcNow() };
            db.People.Add(person);
            LogCreated(log, userName);
        }
        else if (!person.Has(Roles.CountyAdmin))
        {
            LogCreated(log, userName);
        }
        person.Roles |= Roles.CountyAdmin;
        person.LeftAt = null;
        await db.SaveChangesAsync(ct);
    }

    [LoggerMessage(LogLevel.Information, "Bootstrap admin {UserId} is a county admin")]
    private static partial void LogCreated(ILogger logger, string userId);

    [LoggerMessage(LogLevel.Warning, "No county admin in the store and none configured: set Staff:BootstrapAdmin:UserName to the WeCom user id of the first administrator")]
    private static partial void LogNoAdmin(ILogger logger);
}
