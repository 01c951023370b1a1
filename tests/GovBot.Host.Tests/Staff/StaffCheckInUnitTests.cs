using GovBot.Data.People;
using GovBot.Data.Seeding;
using GovBot.Host.Tests.EndToEnd;
using GovBot.Skills.CheckIns;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Host.Tests.Staff;

/// <summary>/staff/checkins over real HTTP: a unit not in the store is flagged, with the existing names closest to it.</summary>
public sealed class StaffCheckInUnitTests
{
    [Fact]
    public async Task A_check_in_naming_a_new_unit_is_flagged_with_the_closest_existing_units_and_a_known_one_is_not()
    {
        await using var host = await StaffHost.StartAsync();
        await host.Bot.WithDbAsync(async db =>
        {
            var service = new CheckInService(db, TimeProvider.System);
            var chen = await db.People.SingleAsync(p => p.WeComUserId == DemoUsers.InServicePartyMember);
            var liu = await db.People.SingleAsync(p => p.WeComUserId == DemoUsers.Neighbour);
            var transport = await db.WorkUnits.SingleAsync(u => u.Name == "清徐县交通运输局");
            await service.SubmitAsync(chen, new CheckInDraft("陈志强", PartyMemberKind.InService, chen.CompoundId!.Value, "13803510006")
                { WorkUnitName = "清徐县卫生系统", PartyOrganisationName = "卫生系统党委" }, default);
            await service.SubmitAsync(liu, new CheckInDraft("刘洋", PartyMemberKind.InService, liu.CompoundId!.Value, "13803510005")
                { WorkUnitId = transport.Id }, default);
            return 0;
        });

        var (secretary, _) = await host.WeComSignInAsync(DemoUsers.Secretary);
        using (secretary)
        {
            var page = await secretary.GetStringAsync("/staff/checkins");
            var chenRow = Row(page, "陈志强");
            Assert.Contains("清徐县卫生系统", chenRow, StringComparison.Ordinal);
            Assert.Contains("新单位，请核对名称", chenRow, StringComparison.Ordinal);
            Assert.Contains("相近的已有单位：清徐县卫生健康局", chenRow, StringComparison.Ordinal);

            var liuRow = Row(page, "刘洋");
            Assert.Contains("清徐县交通运输局", liuRow, StringComparison.Ordinal);
            Assert.DoesNotContain("新单位", liuRow, StringComparison.Ordinal);
        }
    }

    /// <summary>The table row of one member, so a flag on one row cannot pass for another's.</summary>
    private static string Row(string page, string name)
    {
        var at = page.IndexOf($"<td>{name}</td>", StringComparison.Ordinal);
        Assert.True(at >= 0, $"{name} is not on the page.");
        var end = page.IndexOf("</tr>", at, StringComparison.Ordinal);
        return page[at..end];
    }
}
