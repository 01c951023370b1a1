using System.Globalization;
using System.Text;
using GovBot.Data;
using GovBot.Host.Staff;
using Microsoft.EntityFrameworkCore;
using static GovBot.Host.Staff.StaffHtml;

namespace GovBot.Host.Structure;

/// <summary>/staff/structure: download the template, upload a workbook, see every change and refused row, apply, history.</summary>
public static class StructurePages
{
    private const string Title = "全县结构和人员";

    public static IResult Template() =>
        Results.File(CountyWorkbookWriter.Template(), CountyWorkbookWriter.ContentType, "县域结构导入模板.xlsx");

    public static async Task<IResult> ShowAsync(StaffScope scope, IDbContextFactory<GovBotDb> dbs, CancellationToken ct) =>
        Page(Title, scope, UploadForm() + await HistoryAsync(dbs, ct));

    private static string UploadForm() => """
        <div class="panel"><p>用一个 Excel 工作簿导入本县的社区、网格、微网格、小区、楼栋、人员、服务站点、物业、报到单位和居民。
        <a id="template" href="/staff/structure/template.xlsx">下载模板</a>（带「*」的列必填，每张表有一行示例）。</p>
        <form method="post" action="/staff/structure/preview" enctype="multipart/form-data" id="upload">
        <input type="file" name="files" accept=".xlsx,.csv" multiple required> <button class="primary">上传并预览</button></form>
        <p class="muted">也可以上传 CSV：每张表一个文件，文件名就是表名（如「社区.csv」「楼栋.csv」），可一次选多个。文件不超过 20MB。
        上传后先预览，确认后才写入。行按编码对应（人员按企业微信账号），改名就改编码对应的那一行；表格里没有的行保持原样，不会删除；
        空着的选填格不改动已有内容；角色只增加不减少（减少角色请在企业微信通讯录里调整）。</p></div>
        """;

    public static async Task<IResult> PreviewAsync(HttpContext http, StaffScope scope, StructureImporter importer, PreviewedUploads uploads, CancellationToken ct)
    {
        var form = await http.Request.ReadFormAsync(ct);
        var files = new List<UploadedFile>();
        foreach (var file in form.Files)
        {
            if (file.Length > CountyWorkbookReader.MaxBytes)
                return Page(Title, scope, Warn($"文件「{file.FileName}」超过 20MB，请分开上传或删去空白行。") + UploadForm(), StatusCodes.Status413PayloadTooLarge);
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            files.Add(new UploadedFile(Path.GetFileName(file.FileName), buffer.ToArray()));
        }
        var book = CountyWorkbookReader.Read(files);
        var plan = await importer.PreviewAsync(book, ct);
        if (plan.CanApply) uploads.Keep(book.Sha256, scope.Person.Id, files);
        return Page("导入预览", scope, StructurePreviewHtml.Render(plan) + ApplyForm(plan) + UploadForm());
    }

    private static string ApplyForm(StructurePlan plan)
    {
        if (plan.Refusals.Count > 0)
            return Warn($"有 {plan.Refusals.Count} 行没有通过检查。为免导入一半，整个表格暂不导入：请按上面的说明改好表格后重新上传。");
        if (plan.Rows.Count == 0) return Warn("表格里没有可导入的行。");
        if (plan.Added + plan.Changed == 0) return "<p id=\"nothing\">表格与系统里的数据完全一致，不需要导入。</p>";
        return $"""
            <form method="post" action="/staff/structure/apply" id="apply" class="panel">
            <input type="hidden" name="sha256" value="{E(plan.Sha256)}"><input type="hidden" name="digest" value="{E(plan.Digest())}">
            <p>确认后将新增 {plan.Added} 行、修改 {plan.Changed} 行，一次写入。</p><button class="primary">确认导入</button></form>
            """;
    }

    public static async Task<IResult> ApplyAsync(
        HttpContext http, StaffScope scope, StructureImporter importer, PreviewedUploads uploads, IDbContextFactory<GovBotDb> dbs, TimeProvider time, CancellationToken ct)
    {
        var form = await http.Request.ReadFormAsync(ct);
        var sha = StaffForm.Text(form, "sha256");
        var files = uploads.Find(sha, scope.Person.Id);
        if (files is null && await JustAppliedAsync(dbs, sha, scope.Person.Id, time, ct) is { } at)
            // A second press of 确认导入, or the result page refreshed: the import went through, nothing to do again.
            return Page("导入完成", scope, $"<p id=\"applied\">这个表格 {at.ToOffset(TimeSpan.FromHours(8)):HH:mm} 已经导入过了，不用再确认。</p><p><a href=\"/staff/structure\">返回</a></p>");
        if (files is null)
            return Page(Title, scope, Warn("预览已过期（超过 30 分钟或系统重启过），请重新上传预览。") + UploadForm(), StatusCodes.Status409Conflict);
        var outcome = await importer.ApplyAsync(CountyWorkbookReader.Read(files), StaffForm.Text(form, "digest"), scope.Person, ct);
        if (outcome.Refusal is { } why)
            return Page(Title, scope, Warn(why) + (outcome.Plan is { } p ? StructurePreviewHtml.Render(p) : "") + UploadForm(), StatusCodes.Status409Conflict);
        uploads.Forget(sha, scope.Person.Id);
        var plan = outcome.Plan!;
        return Page("导入完成", scope, $"""
            <p id="applied">已导入「{E(plan.Source)}」：新增 {plan.Added} 行，修改 {plan.Changed} 行，{plan.Unchanged} 行无变化。</p>
            <p>{E(plan.Summary())}</p><p><a href="/staff/structure">返回</a></p>
            """);
    }

    private static async Task<DateTimeOffset?> JustAppliedAsync(IDbContextFactory<GovBotDb> dbs, string sha, int actorId, TimeProvider time, CancellationToken ct)
    {
        if (sha.Length == 0) return null;
        await using var db = await dbs.CreateDbContextAsync(ct);
        var since = time.GetUtcNow() - TimeSpan.FromMinutes(30);
        return await db.ImportRecords.AsNoTracking()
            .Where(r => r.Kind == Data.Structure.ImportKind.Workbook && r.Sha256 == sha && r.ActorId == actorId && r.At >= since)
            .OrderByDescending(r => r.Id).Select(r => (DateTimeOffset?)r.At).FirstOrDefaultAsync(ct);
    }

    private static string Warn(string text) => $"<p class=\"warn\" id=\"error\">{E(text)}</p>";

    private static async Task<string> HistoryAsync(IDbContextFactory<GovBotDb> dbs, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var records = await db.ImportRecords.AsNoTracking().OrderByDescending(r => r.Id).Take(20).ToListAsync(ct);
        var names = await db.People.AsNoTracking().Where(p => records.Select(r => r.ActorId).Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var html = new StringBuilder("<div class=\"panel\"><h2>最近的导入</h2>");
        if (records.Count == 0) return html.Append("<p class=\"muted\">还没有导入过。</p></div>").ToString();
        html.Append("<table id=\"history\"><tr><th>时间</th><th>来源</th><th>操作人</th><th>新增</th><th>修改</th><th>无变化</th><th>内容</th></tr>");
        foreach (var r in records)
        {
            var kind = r.Kind == Data.Structure.ImportKind.Workbook ? "" : "（通讯录同步）";
            var who = r.ActorId is { } id && names.TryGetValue(id, out var name) ? name : "系统";
            html.Append(CultureInfo.InvariantCulture, $"<tr><td class=\"nowrap\">{E(r.At.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture))}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td>{E(r.Source)}{kind}</td><td>{E(who)}</td><td>{r.Added}</td><td>{r.Changed}</td><td>{r.Unchanged}</td><td>{E(r.Summary)}</td></tr>");
        }
        return html.Append("</table></div>").ToString();
    }
}
