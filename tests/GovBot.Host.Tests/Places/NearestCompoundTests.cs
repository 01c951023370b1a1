using GovBot.Host.Tests.EndToEnd;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Host.Tests.Places;

/// <summary>
/// A location sent while reporting, through the real callback: the nearest compound with coordinates within the radius
/// (300 m) is where the problem is, ahead of the resident's home; the building is then asked. The demo county gives
/// 中隐澜湾 (37.5990, 112.3521), 世纪花园 (37.6110, 112.3659) and 世纪家园 (37.6101, 112.3680), about 210 m apart.
/// </summary>
public sealed class NearestCompoundTests : IAsyncLifetime
{
    // 冯建国 lives in 世纪花园 2号楼: his home is the compound a report falls back to.
    private const string Resident = "fengjianguo";
    private const double MetresPerDegreeLatitude = 111_195;
    private BotHost _bot = null!;

    public async Task InitializeAsync() => _bot = await BotHost.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private async Task<string> StartReportAsync()
    {
        await _bot.SayAsync(Resident, "我要反映问题");
        var where = await _bot.SayAsync(Resident, "有人在绿地上私搭乱建");
        Assert.Contains("在哪儿", where);
        return where;
    }

    private Task<string> SendLocationAsync(double latitude, double longitude, string label) =>
        _bot.ReplyToAsync(Resident, () => _bot.WeCom.SendLocationAsync(Resident, latitude, longitude, label));

    private Task<Data.Reports.Report> ReportAsync() =>
        _bot.WithDbAsync(db => db.Reports.Include(r => r.Compound).Include(r => r.Building).SingleAsync());

    [Fact]
    public async Task A_location_30_m_from_a_compounds_gate_files_the_report_for_that_compound_and_asks_the_building()
    {
        await StartReportAsync();

        var asked = await SendLocationAsync(37.5990 + 30 / MetresPerDegreeLatitude, 112.3521, "滨河东路");

        Assert.Contains("中隐澜湾", asked);
        Assert.Contains("哪栋楼", asked);
        var summary = await _bot.SayAsync(Resident, "6号楼");
        Assert.Contains("中隐澜湾", summary);
        Assert.Contains("6号楼", summary);
        Assert.StartsWith("已上报", await _bot.SayAsync(Resident, "是"));
        var report = await ReportAsync();
        Assert.Equal("中隐澜湾", report.Compound!.Name);
        Assert.Equal(6, report.Building!.Number);
        Assert.Equal("滨河东路", report.LocationLabel);
        Assert.Equal(37.5990 + 30 / MetresPerDegreeLatitude, report.Latitude!.Value, 6);
    }

    [Fact]
    public async Task A_location_2_km_from_every_compound_keeps_the_label_and_the_residents_own_compound()
    {
        await StartReportAsync();

        var summary = await SendLocationAsync(37.5990 + 2000 / MetresPerDegreeLatitude, 112.3521, "城北加油站");

        Assert.DoesNotContain("哪栋楼", summary);
        Assert.Contains("城北加油站", summary);
        Assert.StartsWith("已上报", await _bot.SayAsync(Resident, "是"));
        var report = await ReportAsync();
        Assert.Equal("世纪花园", report.Compound!.Name);
        Assert.Null(report.BuildingId);
        Assert.Equal("城北加油站", report.LocationLabel);
    }

    [Fact]
    public async Task Between_two_compounds_close_together_the_nearer_one_wins_over_the_residents_home()
    {
        await StartReportAsync();

        // About 57 m from 世纪家园 and 155 m from 世纪花园 (his home): both within the radius.
        var asked = await SendLocationAsync(37.6103, 112.3674, "世纪路");

        Assert.Contains("世纪家园", asked);
        Assert.Contains("不在楼里", asked);
        var summary = await _bot.SayAsync(Resident, "不在楼里");
        Assert.Contains("世纪家园", summary);
        Assert.StartsWith("已上报", await _bot.SayAsync(Resident, "是"));
        var report = await ReportAsync();
        Assert.Equal("世纪家园", report.Compound!.Name);
        Assert.Null(report.BuildingId);
        Assert.Equal("世纪路", report.LocationLabel);
    }
}
