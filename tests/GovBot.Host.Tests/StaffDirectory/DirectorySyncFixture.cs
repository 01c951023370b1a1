using System.Net;
using GovBot.Data.People;
using GovBot.Data.Seeding;
using GovBot.Emulator;
using GovBot.Host.Tests.Staff;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Host.Tests.StaffDirectory;

/// <summary>
/// The demo county's 清泉湖社区 as WeCom's address book would hold it: department 200 for the community (李红梅 书记,
/// 赵晓燕 社区工作者) and 300 below it for 清华苑网格 (王建军 专职网格员), served by the stand-in.
/// </summary>
internal static class DirectorySyncFixture
{
    public const long CommunityDepartment = 200, GridDepartment = 300;
    public const string NewWorker = "sunwei";

    public static void FillBook(WeComApiStandIn standIn)
    {
        var book = standIn.Directory;
        book.SetDepartment(new StandInDepartment(CommunityDepartment, "清泉湖社区"));
        book.SetDepartment(new StandInDepartment(GridDepartment, "清华苑网格", CommunityDepartment));
        book.SetDepartment(new StandInDepartment(400, "县民政局"));
        book.SetMember(new StandInMember(DemoUsers.Secretary, "李红梅", [CommunityDepartment], "13803510001", "社区党委书记"));
        book.SetMember(new StandInMember(DemoUsers.Staff, "赵晓燕", [CommunityDepartment], "13803510002", "社区工作者"));
        // The app may not see mobiles (apps made after 2022-06-20): the stored number must stay.
        book.SetMember(new StandInMember(DemoUsers.GridWorker, "王建军", [GridDepartment], null, "专职网格员"));
    }

    /// <summary>Maps the two departments straight in the store, as the county workbook import would.</summary>
    public static Task MapAsync(StaffHost host) => host.Bot.WithDbAsync(async db =>
    {
        await db.Communities.Where(c => c.Name == "清泉湖社区").ExecuteUpdateAsync(s => s.SetProperty(c => c.WeComDepartmentId, CommunityDepartment));
        await db.Grids.Where(g => g.Name == "清华苑网格").ExecuteUpdateAsync(s => s.SetProperty(g => g.WeComDepartmentId, GridDepartment));
        return 0;
    });

    /// <summary>Presses 「立即同步」 (with a confirmation count when given) and returns the page it leads back to.</summary>
    public static async Task<string> SyncAsync(HttpClient admin, int confirm = 0)
    {
        var fields = new Dictionary<string, string>();
        if (confirm > 0) fields["confirm"] = confirm.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var answer = await admin.PostAsync("/staff/directory/sync", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.Equal("/staff/directory", answer.Headers.Location?.ToString());
        return await admin.GetStringAsync("/staff/directory");
    }

    public static Task<Person> PersonAsync(StaffHost host, string userId) =>
        host.Bot.WithDbAsync(db => db.People.AsNoTracking().FirstAsync(p => p.WeComUserId == userId));

    public static Task<List<string>> WorkersOfQinghuaAsync(StaffHost host) =>
        host.Bot.WithDbAsync(db => db.GridWorkers.Where(w => w.Grid!.Name == "清华苑网格").Select(w => w.Person!.WeComUserId).OrderBy(u => u).ToListAsync());

    public static Task<int> ImportRecordsAsync(StaffHost host) =>
        host.Bot.WithDbAsync(db => db.ImportRecords.CountAsync());
}
