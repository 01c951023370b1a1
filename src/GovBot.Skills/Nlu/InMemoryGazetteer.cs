namespace GovBot.Skills.Nlu;

/// <summary>
/// A gazetteer held in memory: for tests, demos and the embedded default before a store is seeded.
/// The parameterless constructor fills it with the demo places of 清徐县 and 襄垣县 from the seed
/// articles and the default categories and services.
/// </summary>
public sealed class InMemoryGazetteer : IGazetteer
{
    /// <summary>清徐县 and 襄垣县 (古韩镇) communities named in the seed articles.</summary>
    public static IReadOnlyList<GazetteerEntry> DemoCommunities { get; } =
    [
        new("清泉湖社区", []),
        new("迎新社区", []),
        new("金沙滩社区", []),
        new("永安社区", []),
        new("府前社区", []),
        new("五阳社区", []),
        new("永惠社区", []),
    ];

    /// <summary>Compounds named in the seed articles; 世纪花园 and 世纪家园 lie in 迎新社区's 世纪网格.</summary>
    public static IReadOnlyList<GazetteerEntry> DemoCompounds { get; } =
    [
        new("清华苑一期", ["清华苑"]),
        new("世纪花园", []),
        new("世纪家园", []),
        new("中隐澜湾", []),
        new("外贸小区", []),
        new("古韩明珠小区", ["古韩明珠"]),
        new("永安小区", []),
        new("府前小区", []),
    ];

    public InMemoryGazetteer()
        : this(DemoCompounds, DemoCommunities, DefaultCategories.ReportCategories, DefaultCategories.Services)
    {
    }

    public InMemoryGazetteer(
        IReadOnlyList<GazetteerEntry> compounds,
        IReadOnlyList<GazetteerEntry> communities,
        IReadOnlyList<GazetteerEntry> reportCategories,
        IReadOnlyList<GazetteerEntry> services)
    {
        Compounds = compounds;
        Communities = communities;
        ReportCategories = reportCategories;
        Services = services;
    }

    public IReadOnlyList<GazetteerEntry> Compounds { get; }
    public IReadOnlyList<GazetteerEntry> Communities { get; }
    public IReadOnlyList<GazetteerEntry> ReportCategories { get; }
    public IReadOnlyList<GazetteerEntry> Services { get; }
}
