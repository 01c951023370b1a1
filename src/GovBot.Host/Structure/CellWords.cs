using System.Globalization;
using System.Text;
using GovBot.Data.People;
using GovBot.Data.Places;

namespace GovBot.Host.Structure;

/// <summary>The words a county office types into cells (roles, station types, hours, open days), read as the model's values.</summary>
public static class CellWords
{
    public static readonly IReadOnlyDictionary<string, Roles> RoleWords = new Dictionary<string, Roles>
    {
        ["网格员"] = Roles.GridWorker, ["专职网格员"] = Roles.GridWorker,
        ["社区工作者"] = Roles.Staff, ["社区干部"] = Roles.Staff,
        ["社区书记"] = Roles.Secretary, ["书记"] = Roles.Secretary,
        ["微网格长"] = Roles.MicroGridLead, ["楼栋长"] = Roles.MicroGridLead,
        ["县级管理员"] = Roles.CountyAdmin,
        ["党员中心户"] = Roles.PartyCenterHousehold,
        ["志愿者"] = Roles.Volunteer,
    };

    public static readonly IReadOnlyDictionary<string, ServiceStationKind> StationKinds = new Dictionary<string, ServiceStationKind>
    {
        ["党群服务中心"] = ServiceStationKind.PartyServiceCenter,
        ["党群服务站"] = ServiceStationKind.PartyServiceStation,
        ["暖新驿站"] = ServiceStationKind.RestStop,
    };

    /// <summary>Several values in one cell: 「WG001、WG002」, also with commas or the '|' of the aliases.</summary>
    public static IReadOnlyList<string> List(string cell) =>
        cell.Split(['、', '，', ',', '|', '；', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Full-width digits, colons and dashes as a phone keyboard or Word may leave them.</summary>
    public static string Narrow(string text)
    {
        var b = new StringBuilder(text.Length);
        foreach (var c in text.Trim())
            b.Append(c switch
            {
                >= '０' and <= '９' => (char)('0' + (c - '０')),
                '：' => ':',
                '－' or '—' or '–' or '～' or '~' or '至' or '到' => '-',
                '　' or ' ' => '\0',
                _ => c,
            });
        return b.ToString().Replace("\0", "", StringComparison.Ordinal);
    }

    /// <summary>A mobile number: 11 digits starting with 1.</summary>
    public static bool IsMobile(string phone) => phone.Length == 11 && phone[0] == '1' && phone.All(char.IsAsciiDigit);

    /// <summary>A landline or mobile: digits, with '-' between area code and number.</summary>
    public static bool IsPhone(string phone) => phone.Length is >= 7 and <= 20 && phone.All(c => char.IsAsciiDigit(c) || c == '-');

    /// <summary>「08:30-17:30」「8:30～17:30」: opening before closing.</summary>
    public static (TimeOnly Opens, TimeOnly Closes)? Hours(string cell)
    {
        var parts = Narrow(cell).Split('-');
        if (parts.Length != 2) return null;
        if (!TimeOnly.TryParseExact(parts[0], ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var opens)) return null;
        if (!TimeOnly.TryParseExact(parts[1], ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var closes)) return null;
        return opens < closes ? (opens, closes) : null;
    }

    public static string Hours(TimeOnly opens, TimeOnly closes) =>
        $"{opens.ToString("HH:mm", CultureInfo.InvariantCulture)}-{closes.ToString("HH:mm", CultureInfo.InvariantCulture)}";

    private const string DayChars = "一二三四五六日";

    /// <summary>「每天」「周一至周五」「周六、周日」「工作日」「周末」 as ISO day numbers "12345"; null when not understood.</summary>
    public static string? Days(string cell)
    {
        var text = Narrow(cell).Replace("星期", "周", StringComparison.Ordinal).Replace("礼拜", "周", StringComparison.Ordinal).Replace("周天", "周日", StringComparison.Ordinal);
        if (text is "" or "每天" or "天天" or "全天" or "全周" or "全年无休") return "1234567";
        if (text == "工作日") return "12345";
        if (text is "周末" or "双休日") return "67";
        var days = new SortedSet<int>();
        foreach (var part in List(text))
        {
            var range = part.Split('-');
            if (range.Length > 2) return null;
            var from = Day(range[0]);
            var to = range.Length == 2 ? Day(range[1]) : from;
            if (from is null || to is null || to < from) return null;
            for (var d = from.Value; d <= to.Value; d++) days.Add(d);
        }
        return days.Count == 0 ? null : string.Concat(days);
    }

    private static int? Day(string word) =>
        word.Length == 2 && word[0] == '周' && DayChars.IndexOf(word[1], StringComparison.Ordinal) is var i and >= 0 ? i + 1 : null;

    /// <summary>"12345" → 「周一至周五」, "1234567" → 「每天」, for the preview's old → new.</summary>
    public static string DaysText(string days) => days switch
    {
        "1234567" => "每天",
        _ when days.Length > 1 && days.Zip(days.Skip(1)).All(p => p.Second == p.First + 1) => $"周{DayChars[days[0] - '1']}至周{DayChars[days[^1] - '1']}",
        _ => string.Join("、", days.Select(d => "周" + DayChars[d - '1'])),
    };

    public static string RolesText(Roles roles) =>
        string.Join("、", new (Roles Role, string Word)[]
        {
            (Roles.CountyAdmin, "县级管理员"), (Roles.Secretary, "社区书记"), (Roles.Staff, "社区工作者"), (Roles.GridWorker, "网格员"),
            (Roles.MicroGridLead, "微网格长"), (Roles.PartyCenterHousehold, "党员中心户"), (Roles.Volunteer, "志愿者"), (Roles.Resident, "居民"),
        }.Where(r => (roles & r.Role) != 0).Select(r => r.Word));
}
