using System.Net;
using GovBot.Data.Seeding;
using GovBot.Host.Staff;
using GovBot.Host.Tests.Emulator;
using GovBot.Host.Tests.Staff;

namespace GovBot.Host.Tests.StaffDirectory;

/// <summary>In the emulator, the stand-in's address book is the demo county's staff, and its places are mapped.</summary>
public sealed class DirectorySyncEmulatorTests
{
    [Fact]
    public async Task In_the_emulator_a_sync_finds_every_demo_staff_member_where_they_are()
    {
        await using var host = await EmulatorHost.StartAsync();
        using var admin = new HttpClient(new StaffFormTokens(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }))
        {
            BaseAddress = host.BaseAddress,
        };
        using var login = await admin.PostAsync("/staff/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = DemoUsers.CountyAdmin, ["password"] = StaffOptions.DemoPassword,
        }));
        Assert.Equal("/staff", login.Headers.Location?.ToString());
        Assert.Contains("/staff/directory", await admin.GetStringAsync("/staff/lists"));

        var page = await DirectorySyncFixture.SyncAsync(admin);
        Assert.Contains("新增 <b id=\"added\">0</b> 人，变更 <b id=\"changed\">0</b> 人，离开 <b id=\"left\">0</b> 人", page);
        Assert.Contains("网格：清泉湖社区／清华苑网格", page);
        // A department of the county that stands for no place offers a select.
        Assert.Contains("县民政局", page);
        Assert.Contains("<select name=\"place\">", page);
    }
}
