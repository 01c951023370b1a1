using GovBot.Data.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace GovBot.Data.Postgres;

/// <summary>
/// Lets <c>dotnet ef</c> build the context for PostgreSQL: run it with this project as both project and startup project
/// (<c>dotnet ef migrations add Name --project src/GovBot.Data.Postgres --startup-project src/GovBot.Data.Postgres</c>).
/// Adding a migration never connects; <c>-- --connection "Host=..."</c> names a server for the other commands.
/// </summary>
public sealed class DesignTimePostgresGovBotDbFactory : IDesignTimeDbContextFactory<GovBotDb>
{
    public GovBotDb CreateDbContext(string[] args)
    {
        var index = Array.IndexOf(args, "--connection");
        var connectionString = index >= 0 && index + 1 < args.Length ? args[index + 1] : "Host=localhost;Database=govbot_design";
        var options = new DbContextOptionsBuilder<GovBotDb>();
        options.UseGovBotPostgres(connectionString);
        return new GovBotDb(options.Options);
    }
}
