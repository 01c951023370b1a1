using System.Text.RegularExpressions;

namespace GovBot.Skills.Nlu.Extraction;

/// <summary>
/// Mainland mobile numbers, 1[3-9] and nine more digits, typed with or without spaces or dashes
/// ("138 1234 5678", "138-1234-5678"); an optional +86 before it is left outside the span.
/// The value is the 11 digits.
/// </summary>
public sealed partial class PhoneExtractor : IEntityExtractor
{
    [GeneratedRegex(@"(?<![0-9])1[3-9][0-9](?:[ \-]?[0-9]){8}(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex MobileRegex();

    public void Extract(in NluText text, List<EntityMatch> results)
    {
        var s = text.Normalized;
        if (s.Length < 11)
        {
            return;
        }

        Span<char> digits = stackalloc char[11];
        foreach (Match m in MobileRegex().Matches(s))
        {
            var n = 0;
            foreach (var c in m.ValueSpan)
            {
                if (c is >= '0' and <= '9')
                {
                    digits[n++] = c;
                }
            }

            results.Add(new EntityMatch(Entities.Phone, new string(digits[..n]), m.Index, m.Index + m.Length));
        }
    }
}

/// <summary>
/// Ticket numbers the reports skill prints, e.g. "A1234". The pattern is data (intents.rules.json,
/// "ticketPattern") so the format can change with the issuer; the value is upper-cased.
/// </summary>
public sealed class TicketExtractor(Regex pattern) : IEntityExtractor
{
    public void Extract(in NluText text, List<EntityMatch> results)
    {
        foreach (Match m in pattern.Matches(text.Normalized))
        {
            if (m.Length > 0)
            {
                results.Add(new EntityMatch(Entities.Ticket, m.Value.ToUpperInvariant(), m.Index, m.Index + m.Length));
            }
        }
    }
}

/// <summary>
/// A message that is only a number — "2", "二", "第三个" — as people answer a numbered list.
/// Numbers inside longer messages are left to the other extractors.
/// </summary>
public sealed partial class NumberExtractor : IEntityExtractor
{
    [GeneratedRegex(@"^\s*第?(?<n>[0-9]{1,6}|[零〇一二两三四五六七八九十百]{1,5})\s*(?:个|项|条|号|种)?\s*[.。!！]?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex WholeNumberRegex();

    public void Extract(in NluText text, List<EntityMatch> results)
    {
        if (text.Normalized.Length > 12)
        {
            return;
        }

        var m = WholeNumberRegex().Match(text.Normalized);
        if (m.Success && ChineseNumerals.TryParse(m.Groups["n"].ValueSpan, out var n))
        {
            var g = m.Groups["n"];
            results.Add(new EntityMatch(Entities.Number, n.ToString(System.Globalization.CultureInfo.InvariantCulture), g.Index, g.Index + g.Length));
        }
    }
}
