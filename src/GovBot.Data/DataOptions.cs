using GovBot.Data.Store;

namespace GovBot.Data;

/// <summary>SQLite's <c>PRAGMA synchronous</c> for the store's read-write connections.</summary>
public enum StoreSynchronous
{
    /// <summary>fsync at every commit (of a commit group): what was answered 200 survives a power cut.</summary>
    Full = 2,
    /// <summary>fsync only at checkpoints: faster, but the last commits before a power cut can vanish although WeCom was told 200.</summary>
    Normal = 1,
}

/// <summary>Which database holds the store.</summary>
public enum StoreProvider
{
    /// <summary>One SQLite file beside the host: the default, nothing to install.</summary>
    Sqlite,
    /// <summary>A PostgreSQL database (ConnectionStrings:GovBot in Npgsql format), shared by several hosts.</summary>
    Postgres,
}

/// <summary>Settings of the store, bound from the "Data" section.</summary>
public sealed class DataOptions
{
    public const string SectionName = "Data";

    /// <summary>
    /// Load the made-up demo county (清徐县, 襄垣县, fifty invented people) into an empty store. Null (the default): the
    /// host decides — on in the emulator (src/GovBot.Emulator), off in the production host, where demo WeCom user ids could be real people's.
    /// True asks for the demo on purpose, also in real mode, and is then the operator's override of
    /// <see cref="RefuseDemoStore"/>; false never loads it.
    /// </summary>
    public bool? SeedDemoCounty { get; set; }

    /// <summary>Sqlite (the default) or Postgres; Postgres needs ConnectionStrings:GovBot (docs/postgres.md).</summary>
    public StoreProvider Provider { get; set; } = StoreProvider.Sqlite;

    /// <summary>
    /// Set by the host in real mode unless <see cref="SeedDemoCounty"/> is explicitly true: a store that holds the demo
    /// county stops the start, so that no real employee signs in as a demo county admin.
    /// </summary>
    public bool RefuseDemoStore { get; set; }

    /// <summary>
    /// Pages (4 KB each) the write-ahead log may hold before <see cref="StoreCheckpointer"/> restarts it, holding the
    /// write gate for the moment it takes. A light load never gets there; under steady writes the log stays near it.
    /// </summary>
    public int LogRestartPages { get; set; } = 4096;

    /// <summary>
    /// Full by default. Normal is an explicit, risky choice: after a power cut or OS crash the last commits may be gone
    /// although the callback already answered 200 and WeCom will not deliver them again.
    /// </summary>
    public StoreSynchronous Synchronous { get; set; } = StoreSynchronous.Full;
}
