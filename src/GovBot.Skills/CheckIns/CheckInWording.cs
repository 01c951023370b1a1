using System.Globalization;
using System.Text.RegularExpressions;
using GovBot.Data.CheckIns;
using GovBot.Data.People;

namespace GovBot.Skills.CheckIns;

/// <summary>How check-ins read in Chinese, and the one place phones are checked and masked.</summary>
public static partial class CheckInWording
{
    public static readonly IReadOnlyList<(PartyMemberKind Kind, string Name)> Kinds =
    [
        (PartyMemberKind.InService, "在职党员"),
        (PartyMemberKind.Retired, "退休党员"),
        (PartyMemberKind.Mobile, "流动党员"),
    ];

    public static string Kind(PartyMemberKind kind) => Kinds.First(k => k.Kind == kind).Name;

    /// <summary>在职/退休/流动, with or without 党员, and the everyday words for them.</summary>
    public static PartyMemberKind? ParseKind(string text)
    {
        var t = text.Trim();
        if (t.Contains("在职", StringComparison.Ordinal) || t.Contains("上班", StringComparison.Ordinal) || t.Contains("在岗", StringComparison.Ordinal))
            return PartyMemberKind.InService;
        if (t.Contains("退休", StringComparison.Ordinal) || t.Contains("离休", StringComparison.Ordinal))
            return PartyMemberKind.Retired;
        if (t.Contains("流动", StringComparison.Ordinal) || t.Contains("外出", StringComparison.Ordinal) || t.Contains("外地", StringComparison.Ordinal))
            return PartyMemberKind.Mobile;
        return null;
    }

    /// <summary>
    /// The kind said in a longer message such as the first one (「退休党员报到」, 「我在交通局上班 来报到」): only
    /// words that say it plainly, since 「外地」 in a first message is more often where someone came from.
    /// </summary>
    public static PartyMemberKind? KindInSentence(string text)
    {
        if (text.Contains("退休", StringComparison.Ordinal) || text.Contains("离休", StringComparison.Ordinal)) return PartyMemberKind.Retired;
        if (text.Contains("在职", StringComparison.Ordinal)) return PartyMemberKind.InService;
        if (text.Contains("流动党员", StringComparison.Ordinal) || text.Contains("流动的", StringComparison.Ordinal)) return PartyMemberKind.Mobile;
        if (text.Contains("上班", StringComparison.Ordinal) || text.Contains("在岗", StringComparison.Ordinal)) return PartyMemberKind.InService;
        return null;
    }

    /// <summary>The name in 「我叫王小明」, 「名字是王小明，…」; null when the message gives none.</summary>
    public static string? NameInSentence(string text) =>
        NameRegex().Match(text) is { Success: true } m ? m.Groups[1].Value : null;

    /// <summary>An 11-digit mobile anywhere in a message.</summary>
    public static string? PhoneInSentence(string text) =>
        PhoneInText().Match(text) is { Success: true } m ? NormalizePhone(m.Value) : null;

    public static string Status(CheckInStatus status) => status switch
    {
        CheckInStatus.Pending => "待社区审核",
        CheckInStatus.Approved => "已通过",
        CheckInStatus.Returned => "已退回",
        _ => "已关闭",
    };

    /// <summary>The 11 digits of a mainland mobile number typed with spaces, dashes or +86; null when it is not one.</summary>
    public static string? NormalizePhone(string? text)
    {
        if (text is null) return null;
        var digits = new string(text.Where(c => c is >= '0' and <= '9' or >= '０' and <= '９')
            .Select(c => c >= '０' ? (char)(c - 0xFEE0) : c).ToArray());
        if (digits.Length == 13 && digits.StartsWith("86", StringComparison.Ordinal)) digits = digits[2..];
        return MobileRegex().IsMatch(digits) ? digits : null;
    }

    /// <summary>138****1234.</summary>
    public static string MaskPhone(string? phone) =>
        phone is { Length: 11 } ? phone[..3] + "****" + phone[7..] : phone ?? "";

    public static string Address(CheckIn c) =>
        $"{c.Compound?.Name}{c.Building?.Name}{UnitRoom(c.Unit, c.Room)}";

    public static string UnitRoom(string? unit, string? room) =>
        (string.IsNullOrEmpty(unit) ? "" : unit.EndsWith("单元", StringComparison.Ordinal) ? unit : unit + "单元")
        + (string.IsNullOrEmpty(room) ? "" : room);

    public static string Services(CheckIn c) => string.Join("、", c.ServiceList);

    public static string Unit(CheckIn c) => c.WorkUnit?.Name ?? c.WorkUnitName ?? "";

    public static string Organisation(CheckIn c) => c.WorkUnit?.PartyOrganisationName ?? c.PartyOrganisationName ?? "";

    /// <summary>China Standard Time, the way people read dates: 11月23日.</summary>
    public static string Date(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(8)).ToString("M月d日", CultureInfo.InvariantCulture);

    /// <summary>Whether the check-in names a unit typed by the member that is not in the store.</summary>
    public static bool NamesNewUnit(CheckIn c) => c.WorkUnitId is null && c.WorkUnitName is { Length: > 0 };

    /// <summary>What staff read beside a new unit: 「新单位，请核对名称」 and the closest existing names.</summary>
    public static string NewUnitNote(IReadOnlyList<string> closeUnits) =>
        "新单位，请核对名称；" + (closeUnits.Count > 0 ? $"相近的已有单位：{string.Join("、", closeUnits)}" : "单位库里没有相近的单位");

    /// <summary>A few lines describing a check-in, for the member and (with <paramref name="closeUnits"/>) the staff card.</summary>
    public static string Describe(CheckIn c, bool maskPhone = true, IReadOnlyList<string>? closeUnits = null)
    {
        var lines = new List<string> { $"{c.Name}｜{Kind(c.Kind)}", $"住址：{c.Community?.Name} {Address(c)}" };
        if (Unit(c) is { Length: > 0 } unit) lines.Add($"单位：{unit}");
        if (NamesNewUnit(c) && closeUnits is not null) lines.Add($"（{NewUnitNote(closeUnits)}）");
        if (Organisation(c) is { Length: > 0 } org) lines.Add($"党组织：{org}");
        lines.Add($"电话：{(maskPhone ? MaskPhone(c.Phone) : c.Phone)}");
        if (c.Services.Length > 0) lines.Add($"愿意参加：{Services(c)}");
        return string.Join("\n", lines);
    }

    [GeneratedRegex(@"(?:我叫|名字叫|名字是|姓名是?[:：]?|本人叫)\s*([\p{IsCJKUnifiedIdeographs}·]{2,4}?)(?=$|[\s,，。.!！;；、]|在|是|来|要|想|住|电话|手机|的)")]
    private static partial Regex NameRegex();

    [GeneratedRegex(@"(?<![0-9０-９])(?:\+?86[\s-]?)?1[3-9０-９][0-9０-９\s-]{9,12}?(?![0-9０-９])")]
    private static partial Regex PhoneInText();

    [GeneratedRegex(@"^1[3-9][0-9]{9}$")]
    private static partial Regex MobileRegex();
}
