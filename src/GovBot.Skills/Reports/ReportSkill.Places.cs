using System.Globalization;
using System.Text.RegularExpressions;
using GovBot.Data.Places;
using GovBot.Data.Reference;
using GovBot.Data.Reports;
using GovBot.Skills.Conversation;
using GovBot.Skills.Conversation.Forms;
using GovBot.Skills.Nlu;

namespace GovBot.Skills.Reports;

/// <summary>
/// Where the problem is: the compound named or found by a location, else the resident's own; a building number, one of
/// the resident's own words for their home, or a short place note such as 「东门口」.
/// </summary>
public sealed partial class ReportSkill
{
    private static readonly string[] NotAPlace = ["不知道", "不清楚", "说不上", "忘了", "没有", "位置", "在哪", "哪儿", "哪里"];
    private static readonly string[] PlaceWords =
        ["门", "口", "楼", "院", "路", "街", "道", "边", "旁", "前", "后", "里", "外", "下", "角", "场", "站", "库", "棚", "区", "号", "层",
         "单元", "广场", "花园", "绿地", "车位", "停车", "对面", "附近", "中间", "东", "西", "南", "北", "那儿", "这儿", "那块", "这块"];

    private async Task<Compound?> ResolveCompoundAsync(TurnContext turn, DialogState form, CancellationToken ct)
    {
        var name = form.Slot(Compound);
        if (name is null) return turn.User.CompoundId is { } home ? await CompoundAsync(home, ct) : null;
        // The compound a location found, by id: another of the same name elsewhere must not win over where they stand.
        if (NearCompound(form, await reference.GetAsync(ct)) is { } near) return near;
        var candidates = (await reference.GetAsync(ct)).CompoundsNamed(name);
        // Two compounds of one name in different communities: the resident's own community decides.
        return candidates.FirstOrDefault(c => c.CommunityId == turn.User.CommunityId) ?? candidates.FirstOrDefault();
    }

    private async Task<Compound?> CompoundAsync(int id, CancellationToken ct) => (await reference.GetAsync(ct)).Compound(id);

    private static SlotValue? ReadPlace(TurnContext turn, string text, ReferenceSnapshot places)
    {
        var t = text.Trim();
        if (OwnPlace.Of(turn.User, t, places) is { } own) return new SlotValue("n:" + own.BuildingNumber, own.Display);
        if (BuildingNumber().Match(t) is { Success: true } m) return new SlotValue("n:" + m.Groups[1].Value, m.Groups[1].Value + "号楼");
        if (turn.Nlu?.Find(Entities.Building) is { } n) return new SlotValue("n:" + n, n + "号楼");
        // 「谢谢」「是」「不知道」 are not places, and neither is the next sentence of a complaint (「物业不给修电梯」): ask
        // again rather than file a report located at 「谢谢」. A place is short, or names a kind of place.
        if (SmallTalk.Answer(t) is not null || YesNo.Read(t) != Answer.Unclear || NotAPlace.Any(w => t.Contains(w, StringComparison.Ordinal)))
            return null;
        var placeLike = t.Length <= 6 || PlaceWords.Any(w => t.Contains(w, StringComparison.Ordinal));
        return placeLike && t.Length is >= 2 and <= 40 ? new SlotValue("note:" + t, t) : null;
    }

    [GeneratedRegex(@"^\s*(\d{1,3})\s*(号楼|号|栋|幢|楼)?\s*$")]
    private static partial Regex BuildingNumber();

    /// <summary>Places of a compound people name instead of a building: gates, the garage, the square, the boiler house …</summary>
    [GeneratedRegex("(?:小区)?(?:东|南|西|北)(?:大)?门(?:口|外|里)?|(?:正|后|侧|大)门口?|地下车库|地下室|车库|自行车棚|车棚|停车场|广场|花园|绿地|草坪|楼顶|天台|锅炉房|垃圾站|配电房|健身区|篮球场|小卖部|菜市场")]
    private static partial Regex Landmark();
}
