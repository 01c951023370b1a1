using GovBot.Data;
using GovBot.Data.Seeding;
using GovBot.Emulator;
using GovBot.Host.Tests.Emulator;
using GovBot.Host.WeCom.CustomerService.Links;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovBot.Host.Tests.CustomerService.Entry;

/// <summary>The emulator comes with a customer-service account whose servicers are the demo county's grid workers and staff.</summary>
public sealed class EmulatorEntryTests
{
    [Fact]
    public async Task The_emulator_makes_grid_links_on_its_account_and_takes_grid_workers_but_not_residents_as_servicers()
    {
        await using var emulator = await EmulatorHost.StartAsync();
        await using var scope = emulator.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GovBotDb>();
        var grid = await db.GridWorkers.Where(w => w.Person!.WeComUserId == DemoUsers.GridWorker).Select(w => w.Grid!).FirstAsync();

        var outcome = await scope.ServiceProvider.GetRequiredService<CustomerServiceLinks>().EnsureAsync(grid.CommunityId, grid.Id, CancellationToken.None);
        Assert.True(outcome.Ok, outcome.Error);
        var link = await db.CustomerServiceLinks.AsNoTracking().SingleAsync(l => l.GridId == grid.Id);
        Assert.Equal(EmulatorCustomerServiceEntry.OpenKfId, link.OpenKfId);
        Assert.Equal(link.Scene, emulator.StandIn.SceneOfLink(link.Url));

        var wecom = scope.ServiceProvider.GetRequiredService<ICustomerServiceEntryClient>();
        var refused = await wecom.TransServiceStateAsync(link.OpenKfId, "wmEmulator0001", 3, DemoUsers.Resident, CancellationToken.None);
        Assert.Equal(WeComApiStandIn.KfNotServicer, refused.ErrCode);
        var taken = await wecom.TransServiceStateAsync(link.OpenKfId, "wmEmulator0001", 3, DemoUsers.GridWorker, CancellationToken.None);
        Assert.True(taken.IsOk, taken.ErrMsg);
        var state = await wecom.GetServiceStateAsync(link.OpenKfId, "wmEmulator0001", CancellationToken.None);
        Assert.Equal((3, DemoUsers.GridWorker), (state.ServiceState, state.ServicerUserId));
    }
}
