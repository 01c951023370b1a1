namespace GovBot.Skills.Nlu;

/// <summary>The intent names the router emits; external tools measure against these exact strings.</summary>
public static class Intents
{
    public const string ReportProblem = "report_problem";
    public const string CheckIn = "check_in";
    public const string BookService = "book_service";
    public const string QueryPoints = "query_points";
    public const string MicroWish = "micro_wish";
    public const string GridContact = "grid_contact";
    public const string MyRequests = "my_requests";
    /// <summary>A 党员中心户 or grid worker saying which household they visited (周走访).</summary>
    public const string RecordVisit = "record_visit";
    /// <summary>Someone who wants to become a volunteer or join a volunteer team (not to book a service).</summary>
    public const string Volunteer = "volunteer";
    /// <summary>Someone who wants a real person instead of the bot (转人工).</summary>
    public const string Handoff = "handoff";
    public const string Help = "help";
    public const string Cancel = "cancel";
    public const string Other = "other";

    public static readonly IReadOnlyList<string> All =
        [ReportProblem, CheckIn, BookService, QueryPoints, MicroWish, GridContact, MyRequests, RecordVisit, Volunteer, Handoff, Help, Cancel, Other];
}

/// <summary>Entity names the router emits.</summary>
public static class Entities
{
    /// <summary>Value is the compound's name in the gazetteer, also when an alias or short form was typed ("清华苑" → "清华苑一期").</summary>
    public const string Compound = "compound";
    /// <summary>Value is the community's name in the gazetteer.</summary>
    public const string Community = "community";
    /// <summary>Value is the building number as digits: "3号楼" and "三栋" both give "3".</summary>
    public const string Building = "building";
    /// <summary>Value is the unit (entrance) number as digits: "2单元" gives "2".</summary>
    public const string Unit = "unit";
    /// <summary>Value is the room number as digits, from "301室" or a number right after a unit or building ("2单元301").</summary>
    public const string Room = "room";
    /// <summary>Value is a report category name from the store, e.g. "飞线充电".</summary>
    public const string Category = "category";
    /// <summary>Value is the 11 digits of a mainland mobile number.</summary>
    public const string Phone = "phone";
    /// <summary>
    /// Value is an ISO 8601 local China time, e.g. "2026-11-28T09:00:00+08:00", resolved against "now" in
    /// UTC+8 whatever the server's zone. A date said without a time is date-only, "2026-11-28" (no "T"). A whole
    /// week, a weekend or a month end is a range of days, an ISO 8601 interval with both days included:
    /// "下周" said on Monday 23 Nov is "2026-11-30/2026-12-06", "这周末" "2026-11-28/2026-11-29", "月底" the last seven
    /// days of the month. Read values with <see cref="SaidDate.TryParse"/> (or <c>nlu.FindDate()</c>) rather than
    /// slicing the string. A part of day without a clock takes a fixed hour: 凌晨 05:00, 早上 08:00, 上午/前晌 09:00,
    /// 中午/晌午 12:00, 下午/后晌 14:00, 傍晚 18:00, 晚上/黑夜/黑了 19:00, 半夜 23:00 ("周六上午" = Saturday 09:00; a range
    /// with a time is its first day at that time). A part of day alone ("晚上吵") gives no datetime. A time without a
    /// date is today; a bare 1–6 o'clock is afternoon ("三点" = 15:00). Weekdays: "周六"/"礼拜六" is the next Saturday,
    /// today included; 这周/下周/下下周 count calendar weeks from Monday, and a bare 周末 is this week's. Shanxi
    /// 今儿/明儿/后儿 and 夜来 (yesterday) are understood. See <see cref="Extraction.DateTimeExtractor"/>.
    /// </summary>
    public const string DateTime = "datetime";
    /// <summary>Value is a volunteer service name, e.g. "理发".</summary>
    public const string Service = "service";
    /// <summary>Value is a ticket number as printed, upper-cased, e.g. "A1234"; the pattern is data (intents.rules.json).</summary>
    public const string Ticket = "ticket";
    /// <summary>Only when the whole message is a number ("2", "二", "第三个"), as when answering a numbered list; value in digits.</summary>
    public const string Number = "number";
}
