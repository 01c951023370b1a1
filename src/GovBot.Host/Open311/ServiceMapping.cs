using System.Globalization;
using GovBot.Data.Places;
using GovBot.Data.Reports;

namespace GovBot.Host.Open311;

/// <summary>
/// Report categories as GeoReport services. The service_code is the category's id in the store, written as a
/// decimal string: stable when a county renames a category or edits its words, and never reused, because
/// categories are deactivated rather than deleted.
/// </summary>
internal static class ServiceMapping
{
    /// <summary>All categories are one group: the spec wants one, and the county has no finer grouping of its own.</summary>
    public const string Group = "社区说事";

    /// <summary>The optional attribute naming the community, for a place no compound name identifies.</summary>
    public const string CommunityAttribute = "community";

    public static string Code(ReportCategory category) => category.Id.ToString(CultureInfo.InvariantCulture);

    public static int? ParseCode(string? code) =>
        int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;

    public static ServiceDto ToService(ReportCategory c) => new(
        Code(c),
        c.Name,
        $"居民反映的{c.Name}问题，{Notice(c)}。",
        // Nothing beyond the spec's own fields is required, so clients need not fetch the definition.
        Metadata: false,
        Type: "realtime",
        Keywords: string.Join(", ", c.Keywords.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)),
        Group);

    /// <summary>What the county promises for the category, from its own time limits.</summary>
    public static string Notice(ReportCategory c) =>
        $"{Open311Time.Duration(c.AcceptWithin)}内受理，受理后{Open311Time.Duration(c.HandleWithin)}内办结";

    public static ServiceDefinitionDto ToDefinition(ReportCategory c, IEnumerable<Community> communities) => new(Code(c),
    [
        new AttributeDto(
            Variable: true,
            Code: CommunityAttribute,
            Datatype: "singlevaluelist",
            Required: false,
            DatatypeDescription: "社区编号（key）或社区名称",
            Order: 1,
            Description: "问题所在的社区。address_string 写明了小区（如「清华苑一期3号楼」）时不必填；只知道社区时填它。",
            communities.Select(x => new AttributeValueDto(x.Id.ToString(CultureInfo.InvariantCulture), CommunityLabel(x))).ToList()),
    ]);

    /// <summary>"清徐县清源镇清泉湖社区": unambiguous across the counties one deployment serves.</summary>
    public static string CommunityLabel(Community c) => (c.Town?.County?.Name ?? "") + (c.Town?.Name ?? "") + c.Name;
}
