namespace GovBot.Skills.Nlu;

/// <summary>
/// Reads numbers as residents type them: Arabic digits, Chinese numerals with units
/// ("十二", "二十三", "一百零五", "两百", and the spoken "一百五" = 150), or digit by digit
/// as room and phone numbers are read aloud ("三零一" = 301, "幺" = 1).
/// </summary>
public static class ChineseNumerals
{
    /// <summary>Characters that may appear in a number this class reads.</summary>
    public const string NumeralChars = "0123456789零〇一二两三四五六七八九十百千万幺";

    /// <summary>Value of a single digit character (Arabic or Chinese), or -1.</summary>
    public static int DigitValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        '零' or '〇' => 0,
        '一' or '幺' => 1,
        '二' or '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => -1,
    };

    private static int UnitValue(char c) => c switch
    {
        '十' => 10,
        '百' => 100,
        '千' => 1000,
        '万' => 10000,
        _ => 0,
    };

    public static bool IsNumeralChar(char c) => DigitValue(c) >= 0 || UnitValue(c) > 0;

    /// <summary>Parses the whole span as one number; false when any character is not part of a number or it overflows.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        text = text.Trim();
        if (text.IsEmpty || text.Length > 12)
        {
            return false;
        }

        var hasUnit = false;
        foreach (var c in text)
        {
            if (UnitValue(c) > 0)
            {
                hasUnit = true;
            }
            else if (DigitValue(c) < 0)
            {
                return false;
            }
        }

        return hasUnit ? TryParsePositional(text, out value) : TryParseDigits(text, out value);
    }

    /// <summary>Parses, or returns null; for callers that already know the span is numeric.</summary>
    public static int? Parse(ReadOnlySpan<char> text) => TryParse(text, out var v) ? v : null;

    private static bool TryParseDigits(ReadOnlySpan<char> text, out int value)
    {
        long acc = 0;
        foreach (var c in text)
        {
            acc = acc * 10 + DigitValue(c);
            if (acc > int.MaxValue)
            {
                value = 0;
                return false;
            }
        }

        value = (int)acc;
        return true;
    }

    private static bool TryParsePositional(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        long total = 0;     // completed 万 groups
        long section = 0;   // below 万
        var digit = -1;     // pending digit not yet multiplied by a unit
        var lastUnit = 0;   // unit just before the pending digit, for "一百五" = 150
        var zeroSeen = false;

        foreach (var c in text)
        {
            var unit = UnitValue(c);
            if (unit == 0)
            {
                var d = DigitValue(c);
                if (d == 0)
                {
                    zeroSeen = true;
                }

                // Two digits in a row inside a unit number ("二三十") is not a number people write.
                if (digit > 0 && d > 0)
                {
                    return false;
                }

                digit = d;
                continue;
            }

            if (unit == 10000)
            {
                total += (section + Math.Max(digit, 0)) * 10000;
                section = 0;
            }
            else
            {
                // "十二": a bare 十 means one ten.
                section += (digit < 0 ? 1 : digit) * unit;
            }

            digit = -1;
            lastUnit = unit;
            zeroSeen = false;
        }

        if (digit > 0)
        {
            // Spoken shorthand: a trailing digit right after 百/千 (no 零) counts in the next lower unit.
            section += lastUnit >= 100 && !zeroSeen ? digit * (lastUnit / 10) : digit;
        }

        var result = total + section;
        if (result > int.MaxValue)
        {
            return false;
        }

        value = (int)result;
        return true;
    }
}
