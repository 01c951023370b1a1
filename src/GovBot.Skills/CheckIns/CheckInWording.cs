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

    /// <summary>A few lines describing a check-in, for the member and the staff card.</summary>
    public static string Describe(CheckIn c, bool maskPhone = true)
    {
        var lines = new List<string> { $"{c.Name}｜{Kind(c.Kind)}", $"住址：{c.Community?.Name} {Address(c)}" };
        if (Unit(c) is { Length: > 0 } unit) lines.Add($"单位：{unit}");
        if (Organisation(c) is { Length: > 0 } org) lines.Add($"党组织：{org}");
        lines.Add($"电话：{(maskPhone ? MaskPhone(c.Phone) : c.Phone)}");
        if (c.Services.Length > 0) lines.Add($"愿意参加：{Services(c)}");
        return string.Join("\n", lines);
    }

    [GeneratedRegex(@"^1[3-9][0-9]{9}$")]
    private static partial Regex MobileRegex();
}
