using System.Net;
using GovBot.Data;
using GovBot.Emulator;
using GovBot.Host.Staff;
using GovBot.Host.Structure;
using GovBot.Host.Tests.Emulator;
using GovBot.Host.Tests.Staff;
using GovBot.Host.Tests.Structure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovBot.Host.Tests.GoingLive;

/// <summary>
/// What a new operator tries before going live: the emulator without the demo county, the county's own workbook
/// imported on the staff pages, and then a chat as one of its residents, who is sent to the imported grid worker.
/// </summary>
public sealed class ImportedCountyEmulatorTests
{
    [Fact]
    public async Task The_emulator_runs_the_imported_county_instead_of_the_demo_one()
    {
        await using var host = await EmulatorHost.StartAsync(new Dictionary<string, string?> { ["Data:SeedDemoCounty"] = "false" });
        var admin = new HttpClient(new StaffFormTokens(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }))
        {
            BaseAddress = host.BaseAddress,
        };
        using (var login = await admin.PostAsync("/staff/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = GovBot.Data.Seeding.DemoUsers.CountyAdmin, ["password"] = StaffOptions.DemoPassword, ["returnUrl"] = "/staff",
        })))
            Assert.Equal("/staff", login.Headers.Location?.ToString());
        Assert.DoesNotContain("demo-banner", await admin.GetStringAsync("/staff"), StringComparison.Ordinal);

        var (status, preview) = await StructureSession.UploadAsync(admin, ("襄垣县.xlsx", new CountyWorkbookGenerator(scale: 0.02).Workbook()));
        Assert.Equal(HttpStatusCode.OK, status);
        var hidden = (string name) => System.Text.RegularExpressions.Regex.Match(preview, $"name=\"{name}\" value=\"([^\"]*)\"").Groups[1].Value;
        using (var applied = await admin.PostAsync("/staff/structure/apply", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["sha256"] = hidden("sha256"), ["digest"] = hidden("digest"),
        })))
            Assert.Equal(HttpStatusCode.OK, applied.StatusCode);

        // A resident of the imported county, and the grid worker of the grid their building belongs to.
        string resident, worker;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GovBotDb>();
            var home = await db.People.AsNoTracking()
                .Where(p => p.OnboardedAt != null && p.Building!.MicroGrid != null && p.Building.MicroGrid.Grid!.Workers.Any())
                .Select(p => new { p.WeComUserId, Worker = p.Building!.MicroGrid!.Grid!.Workers.Select(w => w.Person!.Name).First() })
                .FirstAsync();
            (resident, worker) = (home.WeComUserId, home.Worker);
            Assert.False(await db.People.AnyAsync(p => p.WeComUserId == GovBot.Data.Seeding.DemoUsers.Resident));
        }
        var people = await host.Services.GetRequiredService<EmulatorPeople>().ListAsync(CancellationToken.None);
        Assert.Contains(people, p => p.Id == resident);

        await host.SendAsync(resident, "我们的网格员是谁");
        var answer = await host.WaitForAsync(resident, e => e.From == ChatFrom.Bot && e.Text?.Contains(worker, StringComparison.Ordinal) == true, "the imported grid worker named");
        Assert.Contains("网格员", answer.Text, StringComparison.Ordinal);
    }
}
