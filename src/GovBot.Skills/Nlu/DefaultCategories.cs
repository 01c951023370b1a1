using System.Text.Json;
using System.Text.Json.Serialization;

namespace GovBot.Skills.Nlu;

/// <summary>
/// The report categories and volunteer services GovBot ships with, read once from the embedded
/// <c>categories.rules.json</c>. A store-backed gazetteer seeds from these; words added later in the
/// store are recognised without a release.
/// </summary>
public static class DefaultCategories
{
    /// <summary>The category used when no other fits.</summary>
    public const string OtherCategory = "其他";

    private static readonly Lazy<(IReadOnlyList<GazetteerEntry> Categories, IReadOnlyList<GazetteerEntry> Services)> Data =
        new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>飞线充电, 乱停乱放, 消防通道, 环境卫生, 设施损坏, 噪音扰民, 邻里纠纷, 违章搭建, 安全隐患, 其他 — with trigger words.</summary>
    public static IReadOnlyList<GazetteerEntry> ReportCategories => Data.Value.Categories;

    /// <summary>Services of a volunteer fair (理发, 义诊, 车辆检修 …) with the words people use for them.</summary>
    public static IReadOnlyList<GazetteerEntry> Services => Data.Value.Services;

    private static (IReadOnlyList<GazetteerEntry>, IReadOnlyList<GazetteerEntry>) Load()
    {
        using var stream = RuleResources.Open("categories.rules.json");
        var file = JsonSerializer.Deserialize<CategoriesFile>(stream, RuleResources.JsonOptions)
            ?? throw new InvalidOperationException("categories.rules.json is empty.");
        return (ToEntries(file.ReportCategories), ToEntries(file.Services));
    }

    private static IReadOnlyList<GazetteerEntry> ToEntries(List<EntryDto>? list) =>
        (list ?? []).Select(e => new GazetteerEntry(e.Name, e.Aliases ?? [])).ToArray();

    private sealed class CategoriesFile
    {
        [JsonPropertyName("reportCategories")]
        public List<EntryDto>? ReportCategories { get; set; }

        [JsonPropertyName("services")]
        public List<EntryDto>? Services { get; set; }
    }

    private sealed class EntryDto
    {
        [JsonPropertyName("name")]
        public required string Name { get; set; }

        [JsonPropertyName("aliases")]
        public string[]? Aliases { get; set; }
    }
}

/// <summary>Access to the JSON rule files embedded in this assembly.</summary>
internal static class RuleResources
{
    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static Stream Open(string fileName)
    {
        var assembly = typeof(RuleResources).Assembly;
        // The manifest name follows the folder ("GovBot.Skills.Nlu.x.rules.json"); match the end so a move of the folder does not break loading.
        var name = assembly.GetManifestResourceNames().FirstOrDefault(n => n.EndsWith("." + fileName, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"Embedded resource {fileName} not found; is it still matched by **\\*.rules.json in the csproj?");
        return assembly.GetManifestResourceStream(name)!;
    }
}
