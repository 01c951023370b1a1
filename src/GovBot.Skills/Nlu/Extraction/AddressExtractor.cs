using System.Text.RegularExpressions;

namespace GovBot.Skills.Nlu.Extraction;

/// <summary>
/// Building, unit and room: "3号楼" / "三号楼" / "3栋" / "3幢" / "8#楼" → building "3";
/// "2单元" → unit "2"; "301" after a unit or building, or "301室" anywhere → room "301";
/// "3-2-301" → all three. "3楼" is left alone: residents use it for the third floor.
/// </summary>
public sealed partial class AddressExtractor : IEntityExtractor
{
    // A Chinese numeral right after 这/那/每/整/几 is a count ("这一栋楼"), not a house number.
    private const string Cn = "[零〇一二两三四五六七八九十百]";

    [GeneratedRegex(@"(?<![0-9a-z])(?<![这那哪每整几])第?(?<n>\d{1,3}|" + Cn + @"{1,4})\s*(?:号楼|栋楼?|幢楼?|#楼?)", RegexOptions.CultureInvariant)]
    private static partial Regex BuildingRegex();

    [GeneratedRegex(@"(?<![0-9a-z])(?<![这那哪每整几])(?<n>\d{1,2}|[一二两三四五六七八九十]{1,3})\s*单元", RegexOptions.CultureInvariant)]
    private static partial Regex UnitRegex();

    [GeneratedRegex(@"(?:(?<=单元\s*[-—]?\s*)|(?<=(?:号楼|栋楼?|幢楼?|#楼?)\s*[-—]?\s*))(?<n>\d{3,4})(?:室|号|房|户)?(?![0-9])|(?<![0-9a-z])(?<n>\d{3,4})\s*(?:室|房间)", RegexOptions.CultureInvariant)]
    private static partial Regex RoomRegex();

    [GeneratedRegex(@"(?<![0-9a-z.:-])(?<b>\d{1,3})-(?<u>\d{1,2})-(?<r>\d{3,4})(?![0-9-])", RegexOptions.CultureInvariant)]
    private static partial Regex TripleRegex();

    public void Extract(in NluText text, List<EntityMatch> results)
    {
        var s = text.Normalized;
        if (s.Length < 2)
        {
            return;
        }

        foreach (Match m in TripleRegex().Matches(s))
        {
            Add(results, Entities.Building, m.Groups["b"], m.Groups["b"]);
            Add(results, Entities.Unit, m.Groups["u"], m.Groups["u"]);
            Add(results, Entities.Room, m.Groups["r"], m.Groups["r"]);
        }

        foreach (Match m in BuildingRegex().Matches(s))
        {
            AddNumber(results, Entities.Building, m, m.Groups["n"]);
        }

        foreach (Match m in UnitRegex().Matches(s))
        {
            AddNumber(results, Entities.Unit, m, m.Groups["n"]);
        }

        foreach (Match m in RoomRegex().Matches(s))
        {
            // The span is the number alone: "301室" and "301" name the same room.
            Add(results, Entities.Room, m.Groups["n"], m.Groups["n"]);
        }
    }

    private static void AddNumber(List<EntityMatch> results, string entity, Match whole, Group number)
    {
        if (ChineseNumerals.TryParse(number.ValueSpan, out var n) && n > 0)
        {
            results.Add(new EntityMatch(entity, n.ToString(System.Globalization.CultureInfo.InvariantCulture), whole.Index, whole.Index + whole.Length));
        }
    }

    private static void Add(List<EntityMatch> results, string entity, Group value, Group span)
    {
        if (int.TryParse(value.ValueSpan, out var n) && n > 0)
        {
            results.Add(new EntityMatch(entity, n.ToString(System.Globalization.CultureInfo.InvariantCulture), span.Index, span.Index + span.Length));
        }
    }
}
