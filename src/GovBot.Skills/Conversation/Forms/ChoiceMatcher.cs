using System.Text.RegularExpressions;

namespace GovBot.Skills.Conversation.Forms;

/// <summary>
/// What an answer to a numbered list picked: one option, several that fit equally (ask which), or none.
/// </summary>
/// <param name="Index">The option picked, when exactly one fits.</param>
/// <param name="Candidates">The options that fit when more than one does (the answer named a time or words they share).</param>
public sealed record ChoiceReading(int? Index, IReadOnlyList<int> Candidates)
{
    public static readonly ChoiceReading None = new(null, []);

    public static ChoiceReading One(int index) => new(index, [index]);

    public bool IsAmbiguous => Index is null && Candidates.Count > 1;
}

/// <summary>
/// Understands an answer to a numbered list the way residents give it: the number ("2", "二", "第二个"), a position
/// ("最后那个", "倒数第二个"), a time ("九点的吧", "上午十点那个", "下午的", "礼拜六那个"), words of the option
/// ("教用手机挂号那个"), or the option with a typo. When an answer fits several options equally, all of them are
/// returned so that the skill can ask which one, rather than guess.
/// </summary>
public static partial class ChoiceMatcher
{
    private const string Digits = "零一二三四五六七八九十";

    /// <summary>The one option picked, or null (none, or several: see <see cref="Read"/>).</summary>
    public static int? Match(string answer, IReadOnlyList<string> options) => Read(answer, options).Index;

    public static ChoiceReading Read(string answer, IReadOnlyList<string> options)
    {
        var text = Normalize(answer);
        if (text.Length == 0 || options.Count == 0) return ChoiceReading.None;

        if (ParseOrdinal(text) is { } n) return n >= 1 && n <= options.Count ? ChoiceReading.One(n - 1) : ChoiceReading.None;
        if (Position(text, options.Count) is { } position) return ChoiceReading.One(position);

        var normalized = options.Select(Normalize).ToList();
        var exact = normalized.IndexOf(text);
        if (exact >= 0) return ChoiceReading.One(exact);

        // "清华苑" for "清华苑一期", or "我住清华苑一期" for the option itself: accept only when one option fits. The
        // option's name is tried without its brackets, and the answer without its "我要…那个" around it.
        var core = Filler().Replace(text, "");
        var labels = options.Select(o => Normalize(Label(o))).ToList();
        // An answer that names two options nearly whole (「外贸小区 古韩明珠」) picks both or asks which: not for one to win.
        var said = TextSimilarity.Pairs(core);
        var named = labels.Select((o, i) => (Label: o, Pairs: TextSimilarity.Pairs(o), i))
            .Where(x => (x.Label.Length >= 2 && core.Contains(x.Label, StringComparison.Ordinal))
                || (x.Pairs.Count >= 2 && TextSimilarity.Overlap(x.Pairs, said) >= 0.6))
            .Select(x => x.i).ToList();
        if (named.Count > 1) return new ChoiceReading(null, named);
        foreach (var (phrase, names) in new[] { (text, normalized), (core, normalized), (core, labels) })
        {
            if (phrase.Length < 2) continue;
            if (Unique(names, o => o == phrase) is { } same) return ChoiceReading.One(same);
            if (Unique(names, o => o.Contains(phrase, StringComparison.Ordinal)) is { } within) return ChoiceReading.One(within);
            if (Unique(names, o => o.Length >= 2 && phrase.Contains(o, StringComparison.Ordinal)) is { } containing) return ChoiceReading.One(containing);
        }

        if (ByTime(answer, options) is { } timed) return timed;

        var words = ByWords(text, options);
        if (words.Index is not null || words.IsAmbiguous) return words;

        // 「单独报」 for 「单独上报」: the answer's characters in order in one option, most of it.
        if (core.Length >= 2 && Unique(labels, o => IsSubsequence(core, o) && core.Length * 4 >= o.Length * 3) is { } shortened)
            return ChoiceReading.One(shortened);

        // One wrong or missing character, a typical phone typo, still counts when it is unambiguous.
        return text.Length >= 3 && Unique(normalized, o => TextSimilarity.Distance(o, text) <= 1) is { } near ? ChoiceReading.One(near) : ChoiceReading.None;
    }

    /// <summary>Whether the answer names a time, a part of the day or a day (「九点的」「下午的」「礼拜六那个」).</summary>
    public static bool NamesTime(string answer) => SaidTime.Read(answer) is not null;

    /// <summary>The time words of an answer as said (「下午」「十点」「礼拜六」), to say back that none fits.</summary>
    public static string? TimeWords(string answer) => SaidTime.Read(answer)?.Words;

    /// <summary>"两个都有：1. … 3. …" in the list's own numbers, for the skill to ask which one.</summary>
    public static string WhichOf(ChoiceReading reading, IReadOnlyList<string> options) =>
        "您说的有" + reading.Candidates.Count + "个：\n"
        + string.Join("\n", reading.Candidates.Select(i => $"{i + 1}. {options[i]}"))
        + "\n要哪一个？回复序号就行。";

    private static int? Unique(List<string> options, Func<string, bool> fits)
    {
        int? found = null;
        for (var i = 0; i < options.Count; i++)
        {
            if (!fits(options[i])) continue;
            if (found is not null) return null;
            found = i;
        }
        return found;
    }

    private static int? ParseOrdinal(string text)
    {
        var t = Filler().Replace(text, "");
        t = t.TrimStart('第').TrimEnd('个', '项', '条', '号', '吧', '啊', '呀', '的');
        if (t.Length is 0 or > 3) return null;
        if (int.TryParse(t, out var n)) return n;
        if (t.Length == 1 && Digits.IndexOf(t[0]) is var d and > 0) return d;
        if (t == "两") return 2;
        if (t.Length == 2 && t[0] == '十' && Digits.IndexOf(t[1]) is var u and > 0 and < 10) return 10 + u;
        return null;
    }

    /// <summary>"最后那个", "最后一个", "倒数第二个", "头一个", "最上面那个", "中间那个" (of three).</summary>
    private static int? Position(string text, int count)
    {
        var t = Filler().Replace(text, "");
        if (t is "最后" or "最后一个" or "最后一项" or "最下面" or "最底下" or "末尾") return count - 1;
        if (t is "头一个" or "第一个" or "最前面" or "最上面" or "最开始") return 0;
        if (t == "中间" && count % 2 == 1) return count / 2;
        if (t.StartsWith("倒数第", StringComparison.Ordinal) && ParseOrdinal(t[3..]) is { } back && back >= 1 && back <= count) return count - back;
        return null;
    }

    // ── times ──────────────────────────────────────────────────────────────────────────────
    private static readonly (string Word, int From, int To)[] PartsOfDay =
    [
        ("凌晨", 0, 6), ("早上", 6, 10), ("早晨", 6, 10), ("清早", 6, 10), ("上午", 6, 12), ("前晌", 6, 12), ("中午", 11, 14), ("晌午", 11, 14),
        ("下午", 12, 18), ("后晌", 12, 18), ("傍晚", 17, 20), ("晚上", 18, 24), ("黑夜", 18, 24), ("夜里", 18, 24),
    ];

    private static readonly (string[] Words, string Day)[] WeekDays =
    [
        (["周一", "星期一", "礼拜一"], "周一"), (["周二", "星期二", "礼拜二"], "周二"), (["周三", "星期三", "礼拜三"], "周三"),
        (["周四", "星期四", "礼拜四"], "周四"), (["周五", "星期五", "礼拜五"], "周五"), (["周六", "星期六", "礼拜六"], "周六"),
        (["周日", "周天", "星期日", "星期天", "礼拜日", "礼拜天"], "周日"),
    ];

    private static readonly string[] RelativeDays = ["今天", "明天", "后天"];

    /// <summary>
    /// Options that start at the hour said (with its minutes, if said), in the part of the day said, on the day said.
    /// Null when the answer names no time at all; none when it names one that no option has.
    /// </summary>
    private static ChoiceReading? ByTime(string answer, IReadOnlyList<string> options)
    {
        var said = SaidTime.Read(answer);
        if (said is null) return null;
        var fits = new List<int>();
        for (var i = 0; i < options.Count; i++)
        {
            var option = options[i];
            var start = ClockRegex().Match(option);
            if (said.Hour is { } hour)
            {
                if (!start.Success) continue;
                var optionHour = int.Parse(start.Groups[1].Value);
                var optionMinute = int.Parse(start.Groups[2].Value);
                // "三点" said without a part of day is 3:00 or 15:00, whichever the list has.
                var hourFits = optionHour == hour || (said.Part is null && hour < 12 && optionHour == hour + 12);
                if (!hourFits || (said.Minute is { } minute && minute != optionMinute)) continue;
            }
            if (said.Part is { } part)
            {
                if (!start.Success) continue;
                var optionHour = int.Parse(start.Groups[1].Value);
                if (optionHour < part.From || optionHour >= part.To) continue;
            }
            if (said.Day is { } day && !OptionDay(option).Contains(day)) continue;
            fits.Add(i);
        }
        return fits.Count switch
        {
            1 => ChoiceReading.One(fits[0]),
            0 => ChoiceReading.None,
            _ => new ChoiceReading(null, fits),
        };
    }

    /// <summary>The days an option names, in one form: "本周六上午9:00" → 周六; "明天" stays 明天.</summary>
    private static HashSet<string> OptionDay(string option)
    {
        var days = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (words, day) in WeekDays)
            if (words.Any(w => option.Contains(w, StringComparison.Ordinal))) days.Add(day);
        foreach (var relative in RelativeDays)
            if (option.Contains(relative, StringComparison.Ordinal)) days.Add(relative);
        return days;
    }

    /// <summary>A time said in an answer: an hour (24 h when the part of day says so), minutes, a part of day, a day.</summary>
    private sealed record SaidTime(int? Hour, int? Minute, (int From, int To)? Part, string? Day, string Words)
    {
        public static SaidTime? Read(string answer)
        {
            var text = answer.Replace('：', ':');
            (int From, int To)? part = null;
            string? said = null;
            foreach (var (word, from, to) in PartsOfDay)
            {
                if (!text.Contains(word, StringComparison.Ordinal)) continue;
                part = (from, to);
                said = word;
                break;
            }
            string? day = null;
            foreach (var (words, name) in WeekDays)
                if (words.FirstOrDefault(w => text.Contains(w, StringComparison.Ordinal)) is { } w)
                {
                    day = name;
                    said = w + said;
                }
            foreach (var relative in RelativeDays)
                if (text.Contains(relative, StringComparison.Ordinal))
                {
                    day = relative;
                    said = relative + said;
                }

            int? hour = null, minute = null;
            if (ClockRegex().Match(text) is { Success: true } clock)
            {
                hour = int.Parse(clock.Groups[1].Value);
                minute = int.Parse(clock.Groups[2].Value);
            }
            else if (SpokenHourRegex().Match(text) is { Success: true } spoken && ChineseHour(spoken.Groups["h"].Value) is { } h)
            {
                hour = h;
                minute = spoken.Groups["half"].Success ? 30 : spoken.Groups["m"].Success ? ChineseHour(spoken.Groups["m"].Value) : null;
                said += spoken.Value;
            }
            if (ClockRegex().Match(text) is { Success: true } written) said += written.Value;
            if (hour is { } hh && part is { } p && hh < 12 && p.From >= 12) hour = hh + 12;
            if (hour is not null) part = null;
            return hour is null && part is null && day is null ? null : new SaidTime(hour, minute, part, day, said ?? "");
        }

        private static int? ChineseHour(string s)
        {
            if (int.TryParse(s, out var n)) return n;
            var value = 0;
            foreach (var c in s)
            {
                var d = c == '两' ? 2 : Digits.IndexOf(c);
                if (d < 0) return null;
                value = d == 10 ? (value == 0 ? 10 : value * 10) : (value >= 10 && value % 10 == 0 ? value + d : value * 10 + d);
            }
            return value is > 0 and <= 60 ? value : null;
        }
    }

    // ── words ──────────────────────────────────────────────────────────────────────────────
    /// <summary>
    /// The option sharing the most of the answer's character pairs ("教用手机挂号那个" and "教老人用手机挂号"), when it
    /// shares at least half of them and clearly more than any other; options about as close are all returned.
    /// </summary>
    private static ChoiceReading ByWords(string text, IReadOnlyList<string> options)
    {
        var core = Filler().Replace(text, "");
        if (core.Length < 2) return ChoiceReading.None;
        var asked = TextSimilarity.Pairs(core);
        var labels = options.Select(o => TextSimilarity.Pairs(Normalize(Label(o)))).ToList();
        // At least two pairs in common: one shared pair (「志愿」 of 「志愿队」) is a word, not a choice.
        var scores = labels.Select(o => asked.Count(o.Contains) >= 2 ? TextSimilarity.Overlap(asked, o) : 0).ToList();
        var best = scores.Max();
        if (best < 0.5) return ChoiceReading.None;
        var close = scores.Select((s, i) => (s, i)).Where(x => x.s >= 0.5 && x.s >= best - 0.15).Select(x => x.i).ToList();
        return close.Count == 1 ? ChoiceReading.One(close[0]) : new ChoiceReading(null, close);
    }

    /// <summary>The option's name without what follows in brackets (the day, the place, places left).</summary>
    private static string Label(string option)
    {
        var bracket = option.IndexOfAny(['（', '(']);
        return bracket > 0 ? option[..bracket] : option;
    }

    private static bool IsSubsequence(string part, string whole)
    {
        var at = 0;
        foreach (var c in whole)
            if (at < part.Length && part[at] == c) at++;
        return at == part.Length;
    }

    internal static string Normalize(string s)
    {
        Span<char> buffer = stackalloc char[Math.Min(s.Length, 256)];
        var n = 0;
        foreach (var c in s.AsSpan(0, Math.Min(s.Length, 256)))
        {
            // Full-width digits and letters come from Chinese keyboards.
            var ch = c is >= '０' and <= '９' or >= 'Ａ' and <= 'ｚ' ? (char)(c - 0xFEE0) : c;
            if (char.IsWhiteSpace(ch) || char.IsPunctuation(ch) || char.IsSymbol(ch)) continue;
            buffer[n++] = char.ToLowerInvariant(ch);
        }
        return new string(buffer[..n]);
    }

    /// <summary>Words around a choice that say nothing about which: "我要那个…的吧", "就选…", "约…".</summary>
    [GeneratedRegex("^(?:那就|就|我要|我想要|我想|我选|选|要|约|给我|帮我|麻烦|那)+|(?:那个|这个|那一个|这一个|那项|那场|的吧|的呗|的|吧|呗|啊|呀|哈|嘞|哩|就行|就好|可以|行)+$")]
    private static partial Regex Filler();

    [GeneratedRegex(@"(\d{1,2}):(\d{2})")]
    private static partial Regex ClockRegex();

    [GeneratedRegex(@"(?<h>\d{1,2}|[一二两三四五六七八九十]{1,3})\s*(?:点|时)(?:(?<half>半)|(?<m>\d{1,2}|[一二三四五六七八九十]{1,3})分?)?")]
    private static partial Regex SpokenHourRegex();
}
