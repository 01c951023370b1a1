namespace GovBot.Data;

/// <summary>SQLite's <c>PRAGMA synchronous</c> for the store's read-write connections.</summary>
public enum StoreSynchronous
{
    /// <summary>fsync at every commit (of a commit group): what was answered 200 survives a power cut.</summary>
    Full = 2,
    /// <summary>fsync only at checkpoints: faster, but the last commits before a power cut can vanish although WeCom was told 200.</summary>
    Normal = 1,
}

/// <summary>Settings of the store, bound from the "Data" section.</summary>
public sealed class DataOptions
{
    public const string SectionName = "Data";

    /// <summary>
    /// Seed the demo places and people (清徐县, 襄垣县) when the store is empty. On by default so
    /// that a fresh checkout and the emulator have someone to talk to; turn it off for a real
    /// WeCom corp, where the demo WeCom user ids could collide with real ones.
    /// </summary>
    public bool SeedDemoCounty { get; set; } = true;

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
