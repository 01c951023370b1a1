using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace GovBot.Data;

/// <summary>
/// Lets <c>dotnet ef</c> build the context without starting the host. Adding a migration never
/// opens the database, so the default file name only matters to <c>dotnet ef database update</c>,
/// which takes another with <c>-- --connection "Data Source=path/to/govbot.db"</c>. The app itself
/// migrates at start (see <see cref="DatabaseInitializer"/>), so that command is rarely needed.
/// </summary>
public sealed class DesignTimeGovBotDbFactory : IDesignTimeDbContextFactory<GovBotDb>
{
    public GovBotDb CreateDbContext(string[] args)
    {
        var index = Array.IndexOf(args, "--connection");
        var connectionString = index >= 0 && index + 1 < args.Length ? args[index + 1] : "Data Source=govbot.design.db";
        var options = new DbContextOptionsBuilder<GovBotDb>();
        options.UseGovBotSqlite(connectionString);
        return new GovBotDb(options.Options);
    }
}
