using System.Net;
using System.Text;
using GovBot.Data.People;
using GovBot.Data.Seeding;
using GovBot.Skills.CheckIns;
using GovBot.Skills.Spreadsheets;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Host.Tests.Staff;

/// <summary>
/// 导出 Excel beside every 导出表格: the .xlsx a signed-in staff member downloads from the real host holds the CSV's rows
/// under the same Chinese headers, with date cells, number cells and phones kept as text, a frozen header row and
/// fitted column widths; and whoever may not read the CSV may not read the workbook either.
/// </summary>
public sealed class StaffExcelExportTests
{
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [Fact]
    public async Task Reports_workbook_has_the_csv_rows_with_date_cells_text_phones_a_frozen_header_and_fitted_widths()
    {
        await using var host = await StaffHost.StartAsync();
        const string text = "3号楼楼道里堆满了纸箱和旧家具，晚上走路容易绊倒，请尽快清理";
        var (_, ticket) = await host.FileAsync(DemoUsers.Resident, "飞线充电", text);
        var phone = await host.Bot.WithDbAsync(db => db.People.Where(p => p.WeComUserId == DemoUsers.Resident).Select(p => p.Phone).SingleAsync());
        Assert.False(string.IsNullOrEmpty(phone));

        using var admin = await host.AdminAsync();
        var page = await admin.GetStringAsync("/staff/reports?q=%E7%BA%B8%E7%AE%B1");
        Assert.Contains("href=\"/staff/reports/export.xlsx?q=%E7%BA%B8%E7%AE%B1\">导出 Excel</a>", page, StringComparison.Ordinal);

        var (csv, xlsx) = await BothAsync(admin, "/staff/reports/export", "?q=%E7%BA%B8%E7%AE%B1", "说事");
        Assert.Equal(2, xlsx.Rows.Count);
        Assert.Equal(ticket, xlsx.Cell(1, "编号").Value);
        Assert.False(xlsx.Cell(1, "编号").IsNumber);
        Assert.True(xlsx.Cell(1, "上报时间").IsDate, "上报时间 is not a date cell");
        Assert.Equal(phone, xlsx.Cell(1, "联系电话").Value);
        Assert.False(xlsx.Cell(1, "联系电话").IsNumber, "the phone became a number");
        Assert.Equal(text, xlsx.Cell(1, "内容").Value);
        // 内容 is as wide as its Chinese text shows (two digits a character); 评价, empty, stays narrow.
        var widths = xlsx.Widths;
        Assert.Equal(csv[0].Count, widths.Count);
        Assert.InRange(widths[csv[0].IndexOf("内容")], 2 * text.Length, 61);
        Assert.True(widths[csv[0].IndexOf("评价")] < widths[csv[0].IndexOf("内容")] / 3);

        using var anonymous = host.Client();
        using var refusedCsv = await anonymous.GetAsync("/staff/reports/export.csv");
        using var refusedXlsx = await anonymous.GetAsync("/staff/reports/export.xlsx");
        Assert.NotEqual(HttpStatusCode.OK, refusedXlsx.StatusCode);
        Assert.Equal(refusedCsv.StatusCode, refusedXlsx.StatusCode);
        using var other = await admin.GetAsync("/staff/reports/export.json");
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    [Fact]
    public async Task Points_workbooks_have_number_cells_and_a_grid_worker_gets_neither_file()
    {
        await using var host = await StaffHost.StartAsync();
        var (secretary, _) = await host.WeComSignInAsync(DemoUsers.Secretary);
        using (secretary)
        {
            using var adjusted = await secretary.PostAsync("/staff/points/adjust", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["member"] = DemoUsers.RetiredPartyMember, ["points"] = "-2", ["item"] = "其他", ["reason"] = "会议缺席", ["requestId"] = Guid.NewGuid().ToString("N"),
            }));
            Assert.Equal("/staff/points", adjusted.Headers.Location?.ToString());
            var page = await secretary.GetStringAsync("/staff/points");
            Assert.Contains("href=\"/staff/points/totals.xlsx\">导出 Excel</a>", page, StringComparison.Ordinal);
            Assert.Contains("href=\"/staff/points/ledger.xlsx\">导出 Excel</a>", page, StringComparison.Ordinal);

            var (_, ledger) = await BothAsync(secretary, "/staff/points/ledger", "", "积分记录");
            var row = ledger.Rows.FindIndex(r => r.Any(c => c.Value == "会议缺席"));
            Assert.True(row > 0, "the deduction is not in the ledger workbook");
            Assert.True(ledger.Cell(row, "分数").IsNumber);
            Assert.Equal("-2", ledger.Cell(row, "分数").Value);
            Assert.True(ledger.Cell(row, "年度").IsNumber);
            Assert.True(ledger.Cell(row, "时间").IsDate, "时间 is not a date cell");

            var (_, totals) = await BothAsync(secretary, "/staff/points/totals", "", null);
            Assert.True(totals.Rows.Count > 1, "no totals");
            Assert.All(totals.Rows.Skip(1), r => Assert.True(r[totals.Rows[0].FindIndex(c => c.Value == "合计")].IsNumber));
            Assert.Contains("田玉明", totals.Column("党员"));
        }

        var (worker, _) = await host.WeComSignInAsync(DemoUsers.GridWorker);
        using (worker)
            foreach (var path in new[] { "/staff/points/ledger", "/staff/points/totals", "/staff/wishes/export", "/staff/services/tasks" })
            {
                using var csv = await worker.GetAsync(path + ".csv");
                using var xlsx = await worker.GetAsync(path + ".xlsx");
                Assert.Equal(HttpStatusCode.Forbidden, csv.StatusCode);
                Assert.Equal(HttpStatusCode.Forbidden, xlsx.StatusCode);
            }
    }

    [Fact]
    public async Task Check_in_workbook_keeps_the_full_phone_as_text_and_only_community_staff_get_it()
    {
        await using var host = await StaffHost.StartAsync();
        await host.Bot.WithDbAsync(async db =>
        {
            var chen = await db.People.SingleAsync(p => p.WeComUserId == DemoUsers.InServicePartyMember);
            await new CheckInService(db, TimeProvider.System).SubmitAsync(chen,
                new CheckInDraft("陈志强", PartyMemberKind.InService, chen.CompoundId!.Value, "13803510006") { Services = ["环境整治", "理发"] }, default);
            return 0;
        });

        var (staff, _) = await host.WeComSignInAsync(DemoUsers.Staff);
        using (staff)
        {
            Assert.Contains("href=\"/api/checkins/export.xlsx\">导出 Excel</a>", await staff.GetStringAsync("/staff/lists"), StringComparison.Ordinal);
            var (_, xlsx) = await BothAsync(staff, "/api/checkins/export", "", "双报到");
            Assert.Equal(CheckInRoster.Headers, xlsx.Rows[0].Select(c => c.Value));
            var row = xlsx.Rows.FindIndex(r => r.Any(c => c.Value == "陈志强"));
            Assert.True(row > 0, "陈志强 is not in the workbook");
            Assert.Equal("13803510006", xlsx.Cell(row, "手机").Value);
            Assert.False(xlsx.Cell(row, "手机").IsNumber, "the phone became a number");
            Assert.True(xlsx.Cell(row, "提交时间").IsDate, "提交时间 is not a date cell");
        }

        var (resident, _) = await host.WeComSignInAsync(DemoUsers.GridWorker);
        using (resident)
        {
            using var csv = await resident.GetAsync("/api/checkins/export.csv");
            using var xlsx = await resident.GetAsync("/api/checkins/export.xlsx");
            Assert.Equal(HttpStatusCode.Forbidden, csv.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, xlsx.StatusCode);
        }
    }

    /// <summary>
    /// Downloads <paramref name="path"/>.csv and .xlsx and checks the workbook against the CSV: the same header and rows cell
    /// by cell (dates shown as the CSV writes them), a frozen header, a width for every column.
    /// </summary>
    private static async Task<(List<List<string>> Csv, XlsxFile Xlsx)> BothAsync(HttpClient client, string path, string query, string? sheetName)
    {
        using var csvAnswer = await client.GetAsync(path + ".csv" + query);
        Assert.Equal(HttpStatusCode.OK, csvAnswer.StatusCode);
        var csv = Csv.Parse(Encoding.UTF8.GetString(await csvAnswer.Content.ReadAsByteArrayAsync())).Select(r => r.Fields).ToList();

        using var answer = await client.GetAsync(path + ".xlsx" + query);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(XlsxType, answer.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".xlsx", answer.Content.Headers.ContentDisposition?.FileNameStar ?? answer.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        var xlsx = XlsxFile.Read(await answer.Content.ReadAsByteArrayAsync());

        if (sheetName is not null) Assert.Equal(sheetName, xlsx.SheetName);
        // Saved under the list's Chinese name and the day in China, as the office files it.
        var chinaDay = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal($"{xlsx.SheetName}-{chinaDay}.xlsx", answer.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.True(xlsx.HeaderFrozen, "the header row is not frozen");
        Assert.Equal(csv[0].Count, xlsx.Widths.Count);
        Assert.Equal(csv.Count, xlsx.Rows.Count);
        for (var i = 0; i < csv.Count; i++)
            Assert.Equal(csv[i], xlsx.Rows[i].Select(c => c.Shown.Trim()).ToList());
        return (csv, xlsx);
    }
}
