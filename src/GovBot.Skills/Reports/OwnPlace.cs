using System.Text.RegularExpressions;
using GovBot.Data.People;
using GovBot.Data.Reference;

namespace GovBot.Skills.Reports;

/// <summary>
/// 「我们这栋楼」「本楼」「我家楼下」「俺们单元」: the resident's own building (and entrance, when they say 单元), from
/// onboarding — not a place to store word for word. Null when the text does not speak of their home or it is unknown.
/// </summary>
public sealed partial record OwnPlace(int BuildingNumber, string Display, string? UnitNote)
{
    public static OwnPlace? Of(Person user, string text, ReferenceSnapshot places)
    {
        if (user.BuildingId is not { } home || places.Building(home) is not { } building) return null;
        var words = OwnWords().Match(text);
        if (!words.Success) return null;
        var unit = words.Groups["unit"].Success && user.Unit is { Length: > 0 } u ? u : null;
        return new OwnPlace(building.Number, unit is null ? building.Name : building.Name + unit, unit);
    }

    // 我们/俺们/咱们/咱/俺/我家 … 这栋楼/楼/单元/楼下/楼道/门口; 本楼, 本单元, 本栋; a sentence that starts with
    // 楼上/楼下/隔壁/对门 speaks of the neighbours in the resident's own building.
    // 「家里」「我家的」 too: the heating or the water of one's own flat is in one's own building.
    [GeneratedRegex(@"(?:(?:我们|俺们|咱们|我们家|俺家|我家|咱家|咱|俺|我)(?:这|那)?(?:栋|幢|个)?(?:楼(?!房)|(?<unit>单元)|家门口|楼下|楼上|楼道|楼梯)|本(?:楼|栋|幢|(?<unit>单元))|就这栋|我住的楼|我住的那栋|(?:我|俺|咱)?家里|(?:我|俺|咱)们?家(?=$|的|[，。,. ])|^(?:楼上|楼下|隔壁|对门|邻居家))")]
    private static partial Regex OwnWords();
}
