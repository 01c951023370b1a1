using System.Globalization;
using GovBot.Data;

namespace GovBot.Load;

/// <summary>What to play: how many distinct members, how many messages in flight, for how long, against which state store.</summary>
public sealed record LoadOptions
{
    public int Users { get; init; } = 200;
    public int Concurrency { get; init; } = 64;
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(60);
    /// <summary>Played before the measured duration and left out of its figures: the host's JIT and caches settle first.</summary>
    public TimeSpan Warmup { get; init; } = TimeSpan.Zero;
    public string? Redis { get; init; }
    /// <summary>What onboarded members say: the realistic mix by default, or one kind only.</summary>
    public MessageMix Mix { get; init; } = MessageMix.Realistic;
    public string Output { get; init; } = "load-results.json";
    /// <summary>When set, the host is killed (SIGKILL) this far into the run and started again on the same data.</summary>
    public TimeSpan? KillAt { get; init; }
    /// <summary>When set, the operator's backup command copies the live store this far into the run; a fresh host is then started on the copy.</summary>
    public TimeSpan? BackupAt { get; init; }
    /// <summary>When set, the stand-in of WeCom's API fails calls throughout the run: 5xx, hangs, expired tokens, 45009.</summary>
    public bool Faults { get; init; }
    /// <summary>WeCom gives up on an answer after 5 s and delivers the same message again, up to three times.</summary>
    public TimeSpan WeComPatience { get; init; } = TimeSpan.FromSeconds(5);
    /// <summary>The store the hosts use: the embedded SQLite file, or a throwaway PostgreSQL (with Redis, which it requires).</summary>
    public StoreProvider Provider { get; init; } = StoreProvider.Sqlite;
    /// <summary>How many hosts share the store, behind a YARP proxy when more than one; more than one means PostgreSQL.</summary>
    public int Hosts { get; init; } = 1;
    /// <summary>Keep the host's store after a clean run too (one whose audit failed is always kept, to look into).</summary>
    public bool KeepData { get; init; }
    /// <summary>Which channel members use: the app, WeChat through the customer-service account (微信客服), or both.</summary>
    public MemberChannel Channel { get; init; } = MemberChannel.App;

    public static LoadOptions Parse(string[] args)
    {
        var options = new LoadOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--users" => options with { Users = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--concurrency" => options with { Concurrency = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--duration" => options with { Duration = TimeSpan.FromSeconds(double.Parse(Next(), CultureInfo.InvariantCulture)) },
                "--warmup" => options with { Warmup = TimeSpan.FromSeconds(double.Parse(Next(), CultureInfo.InvariantCulture)) },
                "--redis" => options with { Redis = Next() },
                "--only" => options with { Mix = Next() switch
                {
                    "reports" => MessageMix.Reports,
                    "menu" => MessageMix.Menu,
                    "progress" => MessageMix.Progress,
                    "gridworker" => MessageMix.GridWorker,
                    var other => throw new ArgumentException($"--only {other}: choose reports, menu, progress or gridworker."),
                } },
                "--out" => options with { Output = Next() },
                "--faults" => options with { Faults = true },
                "--keep-data" => options with { KeepData = true },
                "--channel" => options with { Channel = Next() switch
                {
                    "app" => MemberChannel.App,
                    "customer-service" => MemberChannel.CustomerService,
                    "mixed" => MemberChannel.Mixed,
                    var other => throw new ArgumentException($"--channel {other}: choose app, customer-service or mixed."),
                } },
                "--kill-at" => options with { KillAt = TimeSpan.FromSeconds(double.Parse(Next(), CultureInfo.InvariantCulture)) },
                "--provider" => options with { Provider = Next() switch
                {
                    "sqlite" => StoreProvider.Sqlite,
                    "postgres" => StoreProvider.Postgres,
                    var other => throw new ArgumentException($"--provider {other}: choose sqlite or postgres."),
                } },
                "--hosts" => options with { Hosts = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--backup-at" => options with { BackupAt = TimeSpan.FromSeconds(double.Parse(Next(), CultureInfo.InvariantCulture)) },
                _ => throw new ArgumentException($"Unknown option {args[i]}. Options: --users N --concurrency N --duration SECONDS --warmup SECONDS --only reports|menu|progress|gridworker --redis HOST:PORT --kill-at SECONDS --backup-at SECONDS --provider sqlite|postgres --hosts N --channel app|customer-service|mixed --faults --keep-data --out FILE"),
            };
        }
        if (options.Users < 1 || options.Concurrency < 1 || options.Duration <= TimeSpan.Zero || options.Warmup < TimeSpan.Zero)
            throw new ArgumentException("--users, --concurrency and --duration must be positive, --warmup not negative.");
        if (options.Hosts is < 1 or > 4) throw new ArgumentException("--hosts must be between 1 and 4.");
        if (options.Hosts > 1)
        {
            // Several hosts cannot share one SQLite file over the network; that is what PostgreSQL is for.
            if (args.Contains("--provider") && options.Provider == StoreProvider.Sqlite)
                throw new ArgumentException("--hosts above 1 needs PostgreSQL: leave out --provider sqlite.");
            options = options with { Provider = StoreProvider.Postgres };
        }
        if (options.BackupAt is not null && options.Provider != StoreProvider.Sqlite)
            throw new ArgumentException("--backup-at copies the SQLite file; on PostgreSQL use pg_dump (docs/deployment.md).");
        return options;
    }
}

/// <summary>How simulated members reach the bot: WeChat Work's app, plain WeChat (微信客服), or every other member each way.</summary>
public enum MemberChannel { App, CustomerService, Mixed }
