using System.Net;
using System.Security.Cryptography;
using GovBot.Data.People;
using GovBot.Data.Structure;
using GovBot.Host.Structure;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Host.Tests.Structure;

/// <summary>A county office imports its structure and staff from the workbook on /staff/structure, on an empty store.</summary>
public sealed class StructureImportTests
{
    [Fact]
    public async Task The_template_imports_unchanged_its_example_rows_are_added_and_the_import_is_recorded()
    {
        await using var s = await StructureSession.StartAsync();
        using var download = await s.Admin.GetAsync("/staff/structure/template.xlsx");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        var template = await download.Content.ReadAsByteArrayAsync();

        var (status, preview) = await s.UploadAsync(("县域结构导入模板.xlsx", template));
        Assert.Equal(HttpStatusCode.OK, status);
        foreach (var sheet in new[] { "社区", "网格", "微网格", "物业", "小区", "楼栋", "人员", "服务站点", "报到单位", "居民" })
            Assert.Equal((1, 0, 0), StructureSession.Counts(preview, sheet));
        Assert.DoesNotContain("id=\"refused\"", preview);
        Assert.Contains("不会删除", preview);

        var (applied, done) = await s.ApplyAsync(preview);
        Assert.Equal(HttpStatusCode.OK, applied);
        Assert.Contains("新增 10 行", done);

        var stored = await s.Host.Bot.WithDbAsync(async db => new
        {
            Community = await db.Communities.Include(c => c.Town!).ThenInclude(t => t.County).SingleAsync(c => c.Code == "SQ001"),
            Compound = await db.Compounds.SingleAsync(c => c.Code == "XQ001"),
            Building = await db.Buildings.Include(b => b.MicroGrid).SingleAsync(),
            Station = await db.ServiceStations.SingleAsync(),
            Pairing = await db.UnitPairings.Include(p => p.WorkUnit).SingleAsync(),
            Lead = await db.MicroGrids.Include(m => m.Lead).SingleAsync(),
            Resident = await db.People.SingleAsync(p => p.WeComUserId == "lidahua"),
            Record = await db.ImportRecords.SingleAsync(),
        });
        Assert.Equal(("示例社区", "示例街道", "示例县"), (stored.Community.Name, stored.Community.Town!.Name, stored.Community.Town.County!.Name));
        Assert.Equal("幸福小区|老幸福院", stored.Compound.Aliases);
        Assert.Equal((3, "WWG001"), (stored.Building.Units!.Value, stored.Building.MicroGrid!.Code!));
        Assert.Equal(("12345", new TimeOnly(8, 30), new TimeOnly(17, 30)), (stored.Station.OpenDays, stored.Station.OpensAt, stored.Station.ClosesAt));
        Assert.Equal("DW001", stored.Pairing.WorkUnit!.Code);
        Assert.Equal("李大华", stored.Lead.Lead!.Name);
        Assert.True(stored.Resident.Has(Roles.Resident | Roles.MicroGridLead));
        Assert.NotNull(stored.Resident.OnboardedAt);
        Assert.Equal(("2", "301"), (stored.Resident.Unit, stored.Resident.Room));

        Assert.Equal(ImportKind.Workbook, stored.Record.Kind);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(template)), stored.Record.Sha256);
        Assert.Equal(("县域结构导入模板.xlsx", 10, 0), (stored.Record.Source, stored.Record.Added, stored.Record.Changed));
        Assert.Equal(Data.Seeding.DemoUsers.CountyAdmin, stored.Record.ActorWeComUserId);
        Assert.Contains("社区 1 行（新增 1）", stored.Record.Summary);
        var page = await s.Admin.GetStringAsync("/staff/structure");
        Assert.Contains("县域结构导入模板.xlsx", WebUtility.HtmlDecode(page));
        Assert.Contains("id=\"history\"", page);
    }

    [Fact]
    public async Task Refused_rows_are_named_by_sheet_and_row_with_a_reason_and_nothing_is_imported()
    {
        await using var s = await StructureSession.StartAsync();
        var rows = StructureSession.TemplateRows();
        rows["社区"].Add(["SQ001", "重复社区", "示例县", "示例街道", "", "", ""]);                       // row 3
        rows["网格"].Add(["WG002", "第二网格", "SQ999", "", ""]);                                        // row 3
        rows["楼栋"].Add(["XQ001", "2", "2号楼", "2", "WWG404"]);                                       // row 3
        rows["人员"].Add(["liuyang", "刘洋", "1380000", "网格员", "SQ001", "WG001"]);                   // row 3
        rows["人员"].Add(["zhaomin", "赵敏", "13800000009", "网格长", "SQ001", ""]);                    // row 4
        rows["服务站点"].Add(["ZD002", "暖新驿站", "暖新驿站", "SQ001", "", "幸福路", "", "17:30-08:30", "每天", ""]); // row 3
        rows["居民"].Add(["", "无账号", "", "XQ001", "1", "", ""]);                                      // row 3
        rows["居民"].Add(["zhangwei", "张 伟", "", "XQ001", "1", "", ""]);                               // row 4
        var (status, preview) = await s.UploadAsync(("有错的表.xlsx", StructureSession.Workbook(rows)));
        Assert.Equal(HttpStatusCode.OK, status);

        Assert.Contains("<td>社区</td><td>第 3 行</td><td>社区编码「SQ001」与本表第 2 行重复。</td>", preview);
        Assert.Contains("<td>网格</td><td>第 3 行</td><td>社区编码「SQ999」不存在（本表格和系统里都没有）。</td>", preview);
        Assert.Contains("<td>楼栋</td><td>第 3 行</td><td>微网格编码「WWG404」不存在（本表格和系统里都没有）。</td>", preview);
        Assert.Contains("<td>人员</td><td>第 3 行</td><td>手机「1380000」不是 11 位手机号。</td>", preview);
        Assert.Contains("<td>人员</td><td>第 4 行</td><td>不认识的角色「网格长」", preview);
        Assert.Contains("<td>服务站点</td><td>第 3 行</td><td>开放时间「17:30-08:30」看不懂", preview);
        Assert.Contains("<td>居民</td><td>第 3 行</td><td>缺少企业微信账号。</td>", preview);
        Assert.Contains("<td>居民</td><td>第 4 行</td><td>姓名或手机与人员表第 2 行不一致。</td>", preview);
        Assert.Contains("整个表格暂不导入", preview);
        Assert.DoesNotContain("id=\"apply\"", preview);

        // Nothing was kept to apply, and the store is as empty as before.
        using var apply = await s.Admin.PostAsync("/staff/structure/apply", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(StructureSession.Workbook(rows))), ["digest"] = "x",
        }));
        Assert.Equal(HttpStatusCode.Conflict, apply.StatusCode);
        Assert.Equal((0, 0, 0), await s.Host.Bot.WithDbAsync(async db => (await db.Communities.CountAsync(), await db.Grids.CountAsync(), await db.ImportRecords.CountAsync())));
    }

    [Fact]
    public async Task Importing_the_same_workbook_again_changes_nothing_and_a_new_name_under_the_same_code_renames()
    {
        await using var s = await StructureSession.StartAsync();
        var rows = StructureSession.TemplateRows();
        await s.ImportAsync(StructureSession.Workbook(rows));

        var (_, again) = await s.UploadAsync(("县域结构.xlsx", StructureSession.Workbook(rows)));
        Assert.Equal((0, 0, 1), StructureSession.Counts(again, "社区"));
        Assert.Equal((0, 0, 1), StructureSession.Counts(again, "居民"));
        Assert.Contains("完全一致，不需要导入", again);

        rows["社区"][0][1] = "幸福里社区";
        rows["网格"][0][1] = "幸福里第一网格";
        var (_, renamed) = await s.UploadAsync(("县域结构-改名.xlsx", StructureSession.Workbook(rows)));
        Assert.Equal((0, 1, 0), StructureSession.Counts(renamed, "社区"));
        Assert.Contains("第 2 行 修改 SQ001 幸福里社区：名称：示例社区 → 幸福里社区", renamed);
        Assert.Contains("名称：第一网格 → 幸福里第一网格", renamed);
        await s.ApplyAsync(renamed);

        var (communities, names, records) = await s.Host.Bot.WithDbAsync(async db => (
            await db.Communities.CountAsync(), await db.Grids.Select(g => g.Name).ToListAsync(), await db.ImportRecords.OrderBy(r => r.Id).ToListAsync()));
        Assert.Equal(1, communities);
        Assert.Equal(["幸福里第一网格"], names);
        Assert.Equal([(10, 0), (0, 2)], records.Select(r => (r.Added, r.Changed)));
    }

    [Fact]
    public async Task A_store_changed_after_the_preview_is_not_written_blind_and_a_new_preview_applies()
    {
        await using var s = await StructureSession.StartAsync();
        var rows = StructureSession.TemplateRows();
        await s.ImportAsync(StructureSession.Workbook(rows));
        rows["社区"][0][5] = "0355-2222222";
        var (_, preview) = await s.UploadAsync(("县域结构.xlsx", StructureSession.Workbook(rows)));
        Assert.Contains("电话：0355-1234567 → 0355-2222222", preview);

        // Someone else changes the same community between the preview and the confirmation.
        await s.Host.Bot.WithDbAsync(async db => await db.Communities.ExecuteUpdateAsync(u => u.SetProperty(c => c.Phone, "0355-3333333")));
        var (status, refused) = await s.ApplyAsync(preview);
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("预览之后系统里的数据有了变化", refused);
        Assert.Equal("0355-3333333", await s.Host.Bot.WithDbAsync(db => db.Communities.Select(c => c.Phone).SingleAsync()));

        var (_, fresh) = await s.UploadAsync(("县域结构.xlsx", StructureSession.Workbook(rows)));
        Assert.Contains("电话：0355-3333333 → 0355-2222222", fresh);
        Assert.Equal(HttpStatusCode.OK, (await s.ApplyAsync(fresh)).Status);
        Assert.Equal("0355-2222222", await s.Host.Bot.WithDbAsync(db => db.Communities.Select(c => c.Phone).SingleAsync()));
    }

    [Fact]
    public async Task A_file_that_is_not_a_workbook_is_refused_in_Chinese()
    {
        await using var s = await StructureSession.StartAsync();
        var (status, html) = await s.UploadAsync(("照片.png", [0x89, 0x50, 0x4E, 0x47, 1, 2, 3, 4]));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("「照片.png」：这个文件不是 Excel 工作簿（.xlsx），也不是 CSV 表格", html);
        Assert.DoesNotContain("id=\"apply\"", html);

        var (_, broken) = await s.UploadAsync(("坏了的.xlsx", [0x50, 0x4B, 0x03, 0x04, 0, 0, 0, 0, 9, 9, 9, 9, 9, 9]));
        Assert.Contains("「坏了的.xlsx」：这个文件不是 Excel 工作簿", broken);

        var big = new byte[CountyWorkbookReader.MaxBytes + 1000];
        big[0] = 0x50; big[1] = 0x4B; big[2] = 0x03; big[3] = 0x04;
        var (tooBig, bigHtml) = await s.UploadAsync(("全县.xlsx", big));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooBig);
        Assert.Contains("超过 20MB", bigHtml);

        var (_, noCode) = await s.UploadAsync(("社区.csv", System.Text.Encoding.UTF8.GetBytes("社区名称,县,镇（街道）\r\n古韵社区,襄垣县,古韵街道\r\n")));
        Assert.Contains("<td>社区</td><td>第 1 行</td><td>缺少「社区编码」这一列。</td>", noCode);
    }

    [Fact]
    public async Task Pressing_confirm_again_says_the_workbook_is_already_imported_and_imports_nothing_twice()
    {
        await using var s = await StructureSession.StartAsync();
        var (_, preview) = await s.UploadAsync(("县域结构.xlsx", StructureSession.Workbook(StructureSession.TemplateRows())));
        var (first, _) = await s.ApplyAsync(preview);
        Assert.Equal(HttpStatusCode.OK, first);

        var (again, html) = await s.ApplyAsync(preview);
        Assert.Equal(HttpStatusCode.OK, again);
        Assert.Contains("已经导入过了", html);
        Assert.Equal(1, await s.Host.Bot.WithDbAsync(db => db.ImportRecords.CountAsync()));
    }
}
