using GovBot.Data.Reference;
using GovBot.Data.Store;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GovBot.Data;

public static class DataRegistration
{
    public const string ConnectionStringName = "GovBot";
    public const string DefaultConnectionString = "Data Source=data/govbot.db";

    /// <summary>
    /// Registers the store: a pooled <see cref="IDbContextFactory{GovBotDb}"/> for background work,
    /// a scoped <see cref="GovBotDb"/> for request handlers (bound to a commit group's transaction inside one),
    /// the <see cref="StoreGroupCommit"/> for the hot writers, the <see cref="ReferenceCache"/>, <see cref="DataOptions"/>, the
    /// <see cref="DatabaseInitializer"/> that migrates (and seeds) before other hosted services start, and the
    /// <see cref="StoreCheckpointer"/>.
    /// The SQLite file comes from ConnectionStrings:GovBot, a relative path being taken from the content root; with
    /// Data:Provider=Postgres the same setting is an Npgsql connection string (<see cref="PostgresStore"/>).
    /// </summary>
    public static IHostApplicationBuilder AddGovBotData(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        // A second call would register a second initializer and migrate twice.
        if (services.Any(d => d.ServiceType == typeof(DatabaseInitializer)))
            return builder;

        services.AddOptions<DataOptions>().BindConfiguration(DataOptions.SectionName)
            .Validate(o => o.LogRestartPages > 0, "Data:LogRestartPages must be a positive number of pages.")
            .Validate(o => Enum.IsDefined(o.Synchronous), "Data:Synchronous must be Full or Normal.")
            .Validate(o => Enum.IsDefined(o.Provider), "Data:Provider must be Sqlite or Postgres.")
            .Validate<IConfiguration>((o, configuration) => o.Provider != StoreProvider.Postgres
                    || !string.IsNullOrWhiteSpace(configuration.GetConnectionString(ConnectionStringName)),
                "Data:Provider is Postgres but ConnectionStrings:GovBot is empty: set it to an Npgsql connection string "
                + "(Host=db;Database=govbot;Username=govbot;Password=...), see docs/postgres.md.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);

        // Resolved when the first context is made, not now, so that configuration added after this
        // call (a test host overriding the connection string) still counts.
        services.AddPooledDbContextFactory<GovBotDb>((sp, options) =>
        {
            var configured = sp.GetRequiredService<IConfiguration>().GetConnectionString(ConnectionStringName);
            var contentRoot = sp.GetRequiredService<IHostEnvironment>().ContentRootPath;
            var data = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<DataOptions>>().Value;
            if (data.Provider == StoreProvider.Postgres) options.UseGovBotPostgres(configured!);
            else options.UseGovBotSqlite(ResolveConnectionString(configured, contentRoot), data.Synchronous);
        });
        services.AddScoped<StoreBinding>();
        services.AddScoped(sp => sp.GetRequiredService<StoreBinding>().CreateDb(sp.GetRequiredService<IDbContextFactory<GovBotDb>>()));

        services.AddSingleton<DatabaseInitializer>();
        services.TryAddSingleton<Seeding.DemoStore>();
        services.TryAddSingleton<StoreWriteGate>();
        services.TryAddSingleton<StoreGroupCommit>();
        services.TryAddSingleton<StoreReadOnlyContexts>();
        services.TryAddSingleton<ReferenceCache>();
        services.TryAddScoped<ReferenceData>();
        services.AddHostedService(sp => sp.GetRequiredService<DatabaseInitializer>());
        services.AddHostedService<StoreCheckpointer>();
        return builder;
    }

    /// <summary>SQLite with the pragmas GovBot relies on (WAL, busy timeout, foreign keys, synchronous FULL unless told otherwise); shared by the app, design time and tests.</summary>
    public static DbContextOptionsBuilder UseGovBotSqlite(
        this DbContextOptionsBuilder options, string connectionString, StoreSynchronous synchronous = StoreSynchronous.Full) =>
        options
            .UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(typeof(GovBotDb).Assembly.GetName().Name))
            // SQLite rebuilds a table outside a transaction (foreign keys must be off); EF warns on every fresh store,
            // which an operator reads as a failure. The risk it names is why upgrades start with a backup (docs/deployment.md).
            .ConfigureWarnings(w => w.Log((Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.NonTransactionalMigrationOperationWarning, Microsoft.Extensions.Logging.LogLevel.Information)))
            .AddInterceptors(SqlitePragmaInterceptor.For(synchronous));

    /// <summary>
    /// Makes a relative Data Source absolute under <paramref name="contentRoot"/> and creates its folder,
    /// because SQLite creates the file but never the directory, and the working directory of a service
    /// is not where its content lives.
    /// </summary>
    public static string ResolveConnectionString(string? configured, string contentRoot)
    {
        var csb = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? DefaultConnectionString : configured);
        var source = csb.DataSource;
        var inMemory = csb.Mode == SqliteOpenMode.Memory || source.Length == 0 || source == ":memory:";
        if (inMemory || source.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
            return csb.ToString();

        var fullPath = Path.GetFullPath(Path.IsPathRooted(source) ? source : Path.Combine(contentRoot, source));
        var folder = Path.GetDirectoryName(fullPath);
        if (!string.IsNullOrEmpty(folder))
            Directory.CreateDirectory(folder);
        csb.DataSource = fullPath;
        return csb.ToString();
    }
}
