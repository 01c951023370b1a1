using System.Globalization;
using System.Text;
using static GovBot.Host.Staff.StaffHtml;

namespace GovBot.Host.Structure;

/// <summary>
/// The preview: counts per sheet, every refused row by sheet and row number, every changed row with old → new.
/// New rows are listed up to <see cref="AddedShown"/> per sheet (a county's 40,000 residents would not fit a page;
/// they are all in the uploaded file and all counted).
/// </summary>
public static class StructurePreviewHtml
{
    public const int AddedShown = 100;

    public static string Render(StructurePlan plan)
    {
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<p>文件：{E(plan.Source)}</p>");
        if (plan.Ignored.Count > 0)
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"muted\" id=\"ignored\">不认识的表，没有读取：{E(string.Join("、", plan.Ignored))}</p>");
        Refusals(plan, html);
        Counts(plan, html);
        foreach (var sheet in CountySheets.All.Select(s => s.Name))
        {
            var rows = plan.Rows.Where(r => r.Sheet == sheet && (r.Added || r.Changed)).ToList();
            if (rows.Count == 0) continue;
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"panel\" data-sheet=\"{E(sheet)}\"><h2>{E(sheet)}</h2><ul>");
            foreach (var r in rows.Where(r => r.Changed))
            {
                var fields = string.Join("；", r.Fields.Select(f => $"{f.Field}：{f.Old} → {f.New}"));
                html.Append(CultureInfo.InvariantCulture, $"<li class=\"changed\">第 {r.Row} 行 修改 {E(r.Label)}：{E(fields)}</li>");
            }
            var added = rows.Where(r => r.Added).ToList();
            foreach (var r in added.Take(AddedShown))
                html.Append(CultureInfo.InvariantCulture, $"<li class=\"added\">第 {r.Row} 行 新增 {E(r.Label)}</li>");
            if (added.Count > AddedShown) html.Append(CultureInfo.InvariantCulture, $"<li class=\"muted\">另有 {added.Count - AddedShown} 行新增，不逐一列出。</li>");
            html.Append("</ul></div>");
        }
        html.Append("<p class=\"muted\">表格里没有的行保持原样，不会删除。</p>");
        return html.ToString();
    }

    private static void Refusals(StructurePlan plan, StringBuilder html)
    {
        if (plan.Refusals.Count == 0) return;
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"panel\"><h2 class=\"warn\">没有通过检查的行（{plan.Refusals.Count}）</h2><table id=\"refused\"><tr><th>表</th><th>行</th><th>原因</th></tr>");
        foreach (var r in plan.Refusals)
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(r.Sheet.Length == 0 ? "文件" : r.Sheet)}</td><td>{(r.Row > 0 ? $"第 {r.Row} 行" : "")}</td><td>{E(r.Reason)}</td></tr>");
        html.Append("</table></div>");
    }

    private static void Counts(StructurePlan plan, StringBuilder html)
    {
        var counts = plan.Counts();
        if (counts.Count == 0) return;
        html.Append("<div class=\"panel\"><table id=\"counts\"><tr><th>表</th><th>新增</th><th>修改</th><th>无变化</th></tr>");
        foreach (var c in counts)
            html.Append(CultureInfo.InvariantCulture, $"<tr data-sheet=\"{E(c.Sheet)}\"><td>{E(c.Sheet)}</td><td class=\"added\">{c.Added}</td><td class=\"changed\">{c.Changed}</td><td class=\"unchanged\">{c.Unchanged}</td></tr>");
        html.Append("</table></div>");
    }
}
