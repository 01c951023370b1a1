using System.Net;
using System.Text;
using GovBot.Data.People;
using GovBot.Host.Structure;
using GovBot.Host.Tests.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovBot.Host.Tests.Structure;

/// <summary>What the imported structure does afterwards, who may import, and the other ways in (CSV, the generator).</summary>
public sealed class StructureUseTests
{
    [Fact]
    public async Task A_grid_worker_imported_into_a_grid_is_who_a_resident_of_a_building_there_is_sent_to()
    {
        await using var s = await StructureSession.StartAsync();
        await s.ImportAsync(StructureSession.Workbook(StructureSession.TemplateRows()));

        // 李大华 lives in 幸福家园 1号楼, in micro-grid WWG001 of grid WG001, where 张伟 is the grid worker.
        var reply = await s.Host.Bot.SayAsync("lidahua", "找网格员");
        Assert.Contains("幸福家园1号楼属于第一网格", reply);
        Assert.Contains("网格员：张伟 13800000001", reply);
        Assert.Contains("微网格长：李大华 13800000003", reply);
    }

    [Fact]
    public async Task Only_county_admins_reach_the_structure_page()
    {
        await using var s = await StructureSession.StartAsync();
        var rows = StructureSession.TemplateRows();
        rows["人员"].Add(["wangfang", "王芳", "13800000002", "社区工作者", "SQ001", ""]);
        await s.ImportAsync(StructureSession.Workbook(rows));

        var (staff, signedIn) = await s.Host.WeComSignInAsync("wangfang");
        signedIn.Dispose();
        using (staff)
        {
            using var page = await staff.GetAsync("/staff/structure");
            Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
            Assert.Contains("只有县里管理员", await page.Content.ReadAsStringAsync());
            using var template = await staff.GetAsync("/staff/structure/template.xlsx");
            Assert.Equal(HttpStatusCode.Forbidden, template.StatusCode);
            Assert.DoesNotContain("/staff/structure", await staff.GetStringAsync("/staff/lists"));
        }
        Assert.Contains("href=\"/staff/structure\"", await s.Admin.GetStringAsync("/staff/lists"));
        using var admin = await s.Admin.GetAsync("/staff/structure");
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
    }

    [Fact]
    public async Task CSV_files_named_after_their_sheets_import_in_UTF_8_and_in_the_GBK_that_Chinese_Excel_saves()
    {
        await using var s = await StructureSession.StartAsync();
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var communities = "社区编码*,社区名称*,县*,镇（街道）*,地址,电话,企业微信部门ID\r\nSQ001,古韵社区,襄垣县,古韵街道,,,12\r\n";
        var grids = "网格编码,网格名称,社区编码,说明\r\nWG001,古韵第一网格,SQ001,\"东街, 西街\"\r\nWG002,古韵第二网格,SQ001,\r\n";
        var (status, preview) = await s.UploadAsync(
            ("襄垣-社区.csv", Encoding.GetEncoding("GB18030").GetBytes(communities)),
            ("网格.csv", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(grids)]));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal((1, 0, 0), StructureSession.Counts(preview, "社区"));
        Assert.Equal((2, 0, 0), StructureSession.Counts(preview, "网格"));
        var (applied, _) = await s.ApplyAsync(preview);
        Assert.Equal(HttpStatusCode.OK, applied);

        var (community, description, record) = await s.Host.Bot.WithDbAsync(async db => (
            await db.Communities.SingleAsync(),
            await db.Grids.Where(g => g.Code == "WG001").Select(g => g.Description).SingleAsync(),
            await db.ImportRecords.SingleAsync()));
        Assert.Equal(("古韵社区", 12L), (community.Name, community.WeComDepartmentId!.Value));
        Assert.Equal("东街, 西街", description);
        Assert.Equal("网格.csv、襄垣-社区.csv", record.Source);
    }

    [Fact]
    public async Task The_generated_county_at_a_small_scale_imports_without_a_refused_row()
    {
        await using var s = await StructureSession.StartAsync();
        var generator = new CountyWorkbookGenerator(scale: 0.05);
        var rows = generator.Rows().ToDictionary(r => r.Key, r => r.Value.Count());
        var (status, preview) = await s.UploadAsync(("襄垣县.xlsx", generator.Workbook()));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.DoesNotContain("id=\"refused\"", preview);
        foreach (var (sheet, count) in rows) Assert.Equal((count, 0, 0), StructureSession.Counts(preview, sheet));
        var (applied, _) = await s.ApplyAsync(preview);
        Assert.Equal(HttpStatusCode.OK, applied);

        var (residents, workers, leads) = await s.Host.Bot.WithDbAsync(async db => (
            await db.People.CountAsync(p => p.OnboardedAt != null && p.BuildingId != null),
            await db.GridWorkers.Select(w => w.GridId).Distinct().CountAsync(),
            await db.MicroGrids.CountAsync(m => m.LeadPersonId != null)));
        Assert.Equal(rows[CountySheets.Residents], residents);
        Assert.Equal(rows[CountySheets.Grids], workers);
        Assert.True(leads > 0);
        var again = (await s.UploadAsync(("襄垣县.xlsx", new CountyWorkbookGenerator(scale: 0.05).Workbook()))).Html;
        Assert.True(again.Contains("完全一致", StringComparison.Ordinal), string.Join("\n", again.Split("<li").Where(l => l.StartsWith(" class=\"changed\"", StringComparison.Ordinal) || l.Contains("refused", StringComparison.Ordinal)).Take(5)));
    }
}
