using System.Globalization;
using System.Text.RegularExpressions;

namespace GovBot.Skills.Nlu.Extraction;

/// <summary>
/// Chinese dates and times, resolved against "now" in China Standard Time (UTC+8, no daylight
/// saving) whatever the server's zone. See <see cref="Entities.DateTime"/> for the value forms and
/// <see cref="SaidDate"/> to read them; the conventions, all chosen for booking volunteer services:
/// <list type="bullet">
/// <item>A date with no time gives a date-only value, "2026-11-28".</item>
/// <item>A part of day with no clock gives its default hour: 凌晨 05:00, 早上/早晨/清早 08:00, 上午/前晌 09:00,
/// 中午/晌午 12:00, 下午/午后/后晌 14:00, 傍晚 18:00, 晚上/夜里/今晚/黑夜/黑了 19:00, 半夜 23:00.</item>
/// <item>A part of day alone ("晚上吵") is no datetime: it describes a habit more often than a time.</item>
/// <item>A clock after 下午/傍晚/晚上 is afternoon or evening ("晚上十点" = 22:00); a bare clock 1–6 is
/// afternoon ("三点" = 15:00: services do not run at 3 a.m.), 7–12 is as said.</item>
/// <item>A time with no date is today.</item>
/// <item>Shanxi words: 今儿/明儿/后儿 are today, tomorrow and the day after; 夜来 (and 夜儿个) is yesterday.</item>
/// <item>A bare weekday ("周六", "礼拜天") is the next such day, today included. 这周/本周 and 下周/下下周/上周 count
/// calendar weeks starting Monday: on Monday 23 Nov, 周六 = 本周六 = 28 Nov and 下周六 = 5 Dec.
/// "约一下周日" is 周日: after 一, 下 means "a bit".</item>
/// <item>A week with no day is a range, the whole week Monday to Sunday ("下周" on Monday 23 Nov =
/// "2026-11-30/2026-12-06"); 周末 is that week's Saturday and Sunday, and a bare 周末 is this week's, so on a
/// Sunday it is the weekend already half gone (today included, like a bare weekday). 月底 is the last seven days
/// of the month. With a clock or part of day a range gives its first day at that time ("周末上午" = Saturday 09:00).</item>
/// <item>"28号" is in the month that puts it nearest today (ties go forward); "11月28号" likewise picks the
/// nearest year, so "1月5号" said in November is next January.</item>
/// </list>
/// </summary>
public sealed partial class DateTimeExtractor(TimeProvider timeProvider) : IEntityExtractor
{
    /// <summary>China Standard Time: fixed, China has had no daylight saving since 1991.</summary>
    public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    private const string N = "[0-9零〇一二两三四五六七八九十]";

    [GeneratedRegex(
        @"(?<![0-9a-z])(?:" +
            @"(?<rel>大后天|大前天|后天|后儿个?|前天|明天|明日|明儿个?|今天|今日|今儿个?|昨天|昨日|昨儿个?|夜来|夜儿个|今晚|明晚|昨晚|今早|明早)" +
            @"|(?<wk>(?<wp>(?<!一)下下个?|(?<!一)下个?|上上个?|上个?|这个?|本)?(?:周|星期|礼拜)(?<wd>[一二三四五六日天末1-7])?)" +
            @"|(?<eom>(?<eomp>下个?|这个?|本|上个?)?月底)" +
            @"|(?:(?<y>\d{4})年)?(?<m>" + N + @"{1,3})月份?(?<d>" + N + @"{1,3})(?:号|日)?" +
            @"|(?<mo>下个?月|这个?月|本月|上个?月)?(?<dd>" + N + @"{1,3})(?:号|日)(?!楼|院|门|线|床|单元|房|室|窗|机|位|铺|店|口|地块|车位|#)" +
        @")?" +
        @"[\s的]*" +
        @"(?<pod>凌晨|清早|早晨|早上|前晌|上午|中午|晌午|下午|午后|后晌|傍晚|晚上|夜里|夜间|黑夜|黑了|半夜)?" +
        @"\s*" +
        @"(?<clock>(?<h>\d{1,2}|[零一二两三四五六七八九十]{1,3})\s*(?::(?<mi>\d{2})|(?:点|时)钟?\s*(?:(?<half>半(?!会))|(?<q>一刻|三刻)|(?<mi2>\d{1,2}|[零一二三四五六七八九十]{1,3})分?|(?<whole>整))?)(?<next>点|多)?)?",
        RegexOptions.CultureInvariant)]
    private static partial Regex DateTimeRegex();

    /// <summary>Parts of the day whose clock hours are afternoon or evening.</summary>
    private static bool IsLater(string pod) => pod is "下午" or "午后" or "后晌" or "傍晚" or "晚上" or "夜里" or "夜间" or "黑夜" or "黑了";

    /// <summary>Default hours; documented on the class.</summary>
    private static int DefaultHour(string pod) => pod switch
    {
        "凌晨" => 5,
        "清早" or "早晨" or "早上" => 8,
        "上午" or "前晌" => 9,
        "中午" or "晌午" => 12,
        "下午" or "午后" or "后晌" => 14,
        "傍晚" => 18,
        "半夜" => 23,
        _ => 19,
    };

    /// <summary>The current date and time in China, whatever the server's zone.</summary>
    public DateTimeOffset ChinaNow() => timeProvider.GetUtcNow().ToOffset(ChinaOffset);

    /// <summary>
    /// Every date or time this extractor accepts contains one of these; most messages do not, and the
    /// regex (all of whose parts are optional) is the costliest step of routing.
    /// </summary>
    private static readonly System.Buffers.SearchValues<char> Triggers = System.Buffers.SearchValues.Create("天日儿晚早夜周期拜月号点时:");

    public void Extract(in NluText text, List<EntityMatch> results)
    {
        var s = text.Normalized;
        if (!s.AsSpan().ContainsAny(Triggers))
        {
            return;
        }

        DateTimeOffset? nowCache = null;
        foreach (Match m in DateTimeRegex().Matches(s))
        {
            if (m.Length == 0)
            {
                continue;
            }

            nowCache ??= ChinaNow();
            if (TryResolve(m, DateOnly.FromDateTime(nowCache.Value.DateTime), out var value, out var start, out var end))
            {
                results.Add(new EntityMatch(Entities.DateTime, value, start, end));
            }
        }
    }

    private static bool TryResolve(Match m, DateOnly today, out string value, out int start, out int end)
    {
        value = "";
        start = m.Index;
        end = m.Index;

        // Spans end at the last part that matched, not at a trailing "的" or space.
        Group? last = null;
        DateOnly? date = null;
        // The last day when a whole week, weekend or month end was said; otherwise the same as date.
        DateOnly? until = null;
        string? pod = null;

        var rel = m.Groups["rel"];
        var wk = m.Groups["wk"];
        var md = m.Groups["m"];
        var dd = m.Groups["dd"];
        var eom = m.Groups["eom"];
        if (rel.Success)
        {
            (date, pod) = Relative(rel.Value, today);
            last = rel;
        }
        else if (wk.Success)
        {
            if (Week(m.Groups["wp"], m.Groups["wd"], today) is { } week)
            {
                (date, until) = (week.From, week.To);
            }

            if (date is null)
            {
                // "周" alone (周边, 一周): not a date; the rest of the match may still be a time.
                start = wk.Index + wk.Length;
            }
            else
            {
                last = wk;
            }
        }
        else if (eom.Success)
        {
            var monthStart = new DateOnly(today.Year, today.Month, 1).AddMonths(MonthShift(m.Groups["eomp"].Value));
            until = monthStart.AddMonths(1).AddDays(-1);
            date = until.Value.AddDays(-6);
            last = eom;
        }
        else if (md.Success)
        {
            if (!ChineseNumerals.TryParse(md.ValueSpan, out var month) || !ChineseNumerals.TryParse(m.Groups["d"].ValueSpan, out var day))
            {
                return false;
            }

            var y = m.Groups["y"];
            date = y.Success ? SafeDate(int.Parse(y.ValueSpan, CultureInfo.InvariantCulture), month, day) : NearestYear(today, month, day);
            if (date is null)
            {
                return false;
            }

            last = m.Groups["d"];
            // Include a trailing 号/日 in the span.
            var tail = last.Index + last.Length;
            if (tail < m.Index + m.Length && m.Value[tail - m.Index] is '号' or '日')
            {
                end = tail + 1;
            }
        }
        else if (dd.Success)
        {
            if (!ChineseNumerals.TryParse(dd.ValueSpan, out var day))
            {
                return false;
            }

            var mo = m.Groups["mo"];
            date = mo.Success ? ExplicitMonth(today, mo.Value, day) : NearestMonth(today, day);
            if (date is null)
            {
                return false;
            }

            end = dd.Index + dd.Length + 1; // the 号/日
        }

        var podGroup = m.Groups["pod"];
        if (podGroup.Success)
        {
            pod = podGroup.Value;
            last = podGroup;
        }

        int? hour = null;
        var minute = 0;
        var clock = m.Groups["clock"];
        var hasClock = false;
        if (clock.Success && TryClock(m, out var h, out minute) && IsPlausibleClock(m, date is not null || pod is not null))
        {
            // Otherwise ("有一点脏") there is no time here; whatever date or part of day came before still counts.
            hasClock = true;
            hour = h;
            last = clock;
        }
        else
        {
            minute = 0;
        }

        if (last is not null)
        {
            end = Math.Max(end, last.Index + last.Length);
        }

        if (date is null && hour is null)
        {
            // A part of day alone is no datetime (see the class remarks).
            return false;
        }

        if (hour is null && pod is not null)
        {
            // From 上午 etc., or carried by the day word (今晚, 明早).
            hour = DefaultHour(pod);
        }

        var day0 = date ?? today;
        if (hour is { } hr)
        {
            hr = AdjustHour(hr, pod, hasClock);
            if (hr >= 24)
            {
                hr -= 24;
                day0 = day0.AddDays(1);
            }

            if (hr is < 0 or > 23 || minute is < 0 or > 59)
            {
                return false;
            }

            value = string.Create(CultureInfo.InvariantCulture, $"{day0:yyyy-MM-dd}T{hr:00}:{minute:00}:00+08:00");
        }
        else
        {
            value = new SaidDate(day0, until ?? day0, null).ToValue();
        }

        start = Math.Max(start, m.Index);
        if (end <= start)
        {
            return false;
        }

        if (start > m.Index)
        {
            // Skip leading blanks left after dropping a non-date "周".
            while (start < end && char.IsWhiteSpace(m.Value[start - m.Index]))
            {
                start++;
            }
        }

        return end > start;
    }

    private static (DateOnly, string?) Relative(string word, DateOnly today) => word switch
    {
        "大前天" => (today.AddDays(-3), null),
        "前天" => (today.AddDays(-2), null),
        "昨天" or "昨日" or "昨儿" or "昨儿个" or "夜来" or "夜儿个" => (today.AddDays(-1), null),
        "昨晚" => (today.AddDays(-1), "晚上"),
        "明天" or "明日" or "明儿" or "明儿个" => (today.AddDays(1), null),
        "明晚" => (today.AddDays(1), "晚上"),
        "明早" => (today.AddDays(1), "早上"),
        "后天" or "后儿" or "后儿个" => (today.AddDays(2), null),
        "大后天" => (today.AddDays(3), null),
        "今晚" => (today, "晚上"),
        "今早" => (today, "早上"),
        _ => (today, null),
    };

    /// <summary>A weekday is one day; a week with no day is Monday to Sunday and 周末 its Saturday and Sunday.</summary>
    private static (DateOnly From, DateOnly To)? Week(Group prefix, Group dayGroup, DateOnly today)
    {
        var isoToday = today.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)today.DayOfWeek;
        var monday = today.AddDays(1 - isoToday);
        var day = dayGroup.Success ? dayGroup.Value[0] : (char?)null;
        var weeks = prefix.Success
            ? prefix.Value.TrimEnd('个') switch
            {
                "下下" => 2,
                "下" => 1,
                "上" => -1,
                "上上" => -2,
                _ => 0,
            }
            : 0;
        var start = monday.AddDays(7 * weeks);
        switch (day)
        {
            case null when !prefix.Success:
                // "周" alone (周边, 一周) is no date.
                return null;
            case null:
                return (start, start.AddDays(6));
            case '末':
                // A bare 周末 is this week's too: on a Sunday, the weekend still under way.
                return (start.AddDays(5), start.AddDays(6));
        }

        var weekday = day is '日' or '天' ? 7 : ChineseNumerals.DigitValue(day.Value);
        if (!prefix.Success)
        {
            // Bare weekday: the next such day, today included.
            var next = today.AddDays((weekday - isoToday + 7) % 7);
            return (next, next);
        }

        var date = start.AddDays(weekday - 1);
        return (date, date);
    }

    private static int MonthShift(string word) => word.Length == 0 ? 0 : word[0] switch { '下' => 1, '上' => -1, _ => 0 };

    private static DateOnly? SafeDate(int year, int month, int day) =>
        month is >= 1 and <= 12 && year is >= 1900 and <= 2200 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;

    private static DateOnly? NearestYear(DateOnly today, int month, int day)
    {
        DateOnly? best = null;
        for (var y = today.Year - 1; y <= today.Year + 1; y++)
        {
            best = Nearer(today, best, SafeDate(y, month, day));
        }

        return best;
    }

    private static DateOnly? NearestMonth(DateOnly today, int day)
    {
        DateOnly? best = null;
        var first = new DateOnly(today.Year, today.Month, 1);
        for (var k = -1; k <= 1; k++)
        {
            var f = first.AddMonths(k);
            best = Nearer(today, best, SafeDate(f.Year, f.Month, day));
        }

        return best;
    }

    private static DateOnly? Nearer(DateOnly today, DateOnly? a, DateOnly? b)
    {
        if (a is null)
        {
            return b;
        }

        if (b is null)
        {
            return a;
        }

        var da = Math.Abs(a.Value.DayNumber - today.DayNumber);
        var db = Math.Abs(b.Value.DayNumber - today.DayNumber);
        // On a tie the later date wins: people book ahead more than they look back.
        return db < da || (db == da && b.Value > a.Value) ? b : a;
    }

    private static DateOnly? ExplicitMonth(DateOnly today, string word, int day)
    {
        var f = new DateOnly(today.Year, today.Month, 1).AddMonths(MonthShift(word));
        return SafeDate(f.Year, f.Month, day);
    }

    private static bool TryClock(Match m, out int hour, out int minute)
    {
        minute = 0;
        if (!ChineseNumerals.TryParse(m.Groups["h"].ValueSpan, out hour))
        {
            return false;
        }

        if (m.Groups["mi"].Success)
        {
            minute = int.Parse(m.Groups["mi"].ValueSpan, CultureInfo.InvariantCulture);
        }
        else if (m.Groups["half"].Success)
        {
            minute = 30;
        }
        else if (m.Groups["q"].Success)
        {
            minute = m.Groups["q"].Value == "一刻" ? 15 : 45;
        }
        else if (m.Groups["mi2"].Success && !ChineseNumerals.TryParse(m.Groups["mi2"].ValueSpan, out minute))
        {
            return false;
        }

        return hour is >= 0 and <= 24 && minute is >= 0 and <= 59;
    }

    /// <summary>"一点" also means "a little" and "一点点" always does: without a date, part of day or
    /// minutes it is not a time.</summary>
    private static bool IsPlausibleClock(Match m, bool hasContext)
    {
        if (m.Groups["next"].Value == "点")
        {
            return false;
        }

        var h = m.Groups["h"].Value;
        if (h != "一" || hasContext)
        {
            return true;
        }

        return m.Groups["mi"].Success || m.Groups["half"].Success || m.Groups["q"].Success || m.Groups["mi2"].Success || m.Groups["whole"].Success;
    }

    private static int AdjustHour(int hour, string? pod, bool fromClock)
    {
        if (!fromClock)
        {
            return hour;
        }

        switch (pod)
        {
            case null:
                // Bare 1–6 is afternoon: see the class remarks.
                return hour is >= 1 and <= 6 ? hour + 12 : hour;
            case "中午" or "晌午":
                return hour is >= 1 and <= 5 ? hour + 12 : hour;
            case "半夜":
                return hour == 12 ? 24 : hour is >= 9 and <= 11 ? hour + 12 : hour;
            case "凌晨":
                return hour == 12 ? 0 : hour;
            default:
                if (IsLater(pod))
                {
                    // 晚上十二点 is midnight, the start of the next day.
                    return hour == 12 ? (pod is "晚上" or "夜里" or "夜间" or "黑夜" or "黑了" ? 24 : 12) : hour < 12 ? hour + 12 : hour;
                }

                return hour;
        }
    }
}
