using System.Globalization;
using System.Text;

namespace GovBot.Host.Staff;

/// <summary>A horizontal bar chart drawn as SVG on the server: a label, a bar in proportion, and the number.</summary>
public static class SvgBarChart
{
    private const int RowHeight = 26;
    private const int LabelWidth = 110;
    private const int BarSpace = 200;
    private const int Width = LabelWidth + BarSpace + 50;

    public static string Render(string id, string title, IReadOnlyList<(string Label, double Value)> rows, string unit = "")
    {
        if (rows.Count == 0) return $"<p class=\"muted\" id=\"{id}\">{StaffHtml.E(title)}：暂无数据</p>";
        var max = Math.Max(rows.Max(r => r.Value), 1);
        var height = rows.Count * RowHeight + 8;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg id=\"{id}\" role=\"img\" aria-label=\"{StaffHtml.E(title)}\" viewBox=\"0 0 {Width} {height}\" width=\"100%\" style=\"max-width:{Width * 1.4}px\">");
        for (var i = 0; i < rows.Count; i++)
        {
            var (label, value) = rows[i];
            var y = i * RowHeight + 4;
            var w = value <= 0 ? 0 : Math.Max(2, value / max * BarSpace);
            var number = value.ToString(value % 1 == 0 ? "0" : "0.0", CultureInfo.InvariantCulture) + unit;
            svg.Append(CultureInfo.InvariantCulture,
                $"<g class=\"bar\" data-label=\"{StaffHtml.E(label)}\" data-value=\"{value.ToString(CultureInfo.InvariantCulture)}\">"
                + $"<text x=\"{LabelWidth - 6}\" y=\"{y + 15}\" text-anchor=\"end\">{StaffHtml.E(Trim(label))}</text>"
                + $"<rect x=\"{LabelWidth}\" y=\"{y + 3}\" width=\"{w:0.#}\" height=\"{RowHeight - 8}\" rx=\"3\" fill=\"#c8161d\"><title>{StaffHtml.E(label)} {number}</title></rect>"
                + $"<text x=\"{LabelWidth + w + 5:0.#}\" y=\"{y + 15}\">{number}</text></g>");
        }
        return svg.Append("</svg>").ToString();
    }

    private static string Trim(string label) => label.Length > 8 ? label[..7] + "…" : label;
}
