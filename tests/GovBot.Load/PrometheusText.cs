using System.Globalization;

namespace GovBot.Load;

/// <summary>Just enough of Prometheus' text format to add up a counter's samples by label.</summary>
public static class PrometheusText
{
    public sealed record Sample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);

    public static IEnumerable<Sample> Parse(string text)
    {
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            var brace = line.IndexOf('{', StringComparison.Ordinal);
            var close = brace < 0 ? -1 : line.LastIndexOf('}');
            var name = brace < 0 ? line[..line.IndexOf(' ', StringComparison.Ordinal)] : line[..brace];
            var rest = (close < 0 ? line[name.Length..] : line[(close + 1)..]).Trim().Split(' ');
            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            if (brace >= 0)
                // Label values here (outcomes, endpoints, errcodes, skills) hold no commas or quotes.
                foreach (var pair in line[(brace + 1)..close].Split(',', StringSplitOptions.RemoveEmptyEntries))
                {
                    var eq = pair.IndexOf('=', StringComparison.Ordinal);
                    labels[pair[..eq]] = pair[(eq + 1)..].Trim('"');
                }
            if (double.TryParse(rest[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                yield return new Sample(name, labels, value);
        }
    }

    public static long Sum(IEnumerable<Sample> samples, string name, params (string Label, string Value)[] where) =>
        (long)samples.Where(s => s.Name == name && where.All(w => s.Labels.TryGetValue(w.Label, out var v) && v == w.Value)).Sum(s => s.Value);
}
