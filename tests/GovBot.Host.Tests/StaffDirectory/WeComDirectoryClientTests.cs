using GovBot.Emulator;
using GovBot.Host.Tests.WeCom;
using GovBot.Host.WeCom.Api;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GovBot.Host.Tests.StaffDirectory;

/// <summary>The address-book client against the stand-in's 通讯录 endpoints over loopback.</summary>
public sealed class WeComDirectoryClientTests
{
    [Fact]
    public async Task Reads_departments_members_and_details_with_what_WeCom_withholds_left_unknown()
    {
        await using var harness = await OutboundHarness.StartAsync(services: s => s.AddHttpClient<IWeComDirectory, WeComDirectoryClient>((sp, http) =>
            http.BaseAddress = new Uri(sp.GetRequiredService<IOptions<WeComOptions>>().Value.ApiBaseUrl.TrimEnd('/') + "/")));
        var book = harness.StandIn.Directory;
        book.SetDepartment(new StandInDepartment(200, "清泉湖社区"));
        book.SetDepartment(new StandInDepartment(300, "清华苑网格", 200));
        book.SetMember(new StandInMember("wangjianjun", "王建军", [300], null, "专职网格员"));
        book.SetMember(new StandInMember("lihongmei", "李红梅", [200], "13803510001", "社区党委书记"));
        var directory = harness.Services.GetRequiredService<IWeComDirectory>();

        var below = await directory.DepartmentsAsync(200);
        Assert.True(below.IsOk);
        Assert.Equal([200L, 300L], below.Departments.Select(d => d.Id));
        Assert.Equal(200, below.Departments[1].ParentId);
        Assert.Equal(WeComErrors.InvalidDepartment, (await directory.DepartmentsAsync(999)).ErrCode);

        var members = await directory.MembersOfAsync(300);
        Assert.Equal("wangjianjun", Assert.Single(members.Members).UserId);
        Assert.Equal([300L], members.Members[0].Departments);

        var wang = await directory.MemberAsync("wangjianjun");
        Assert.Equal(("王建军", "专职网格员", WeComMemberResult.Active), (wang.Name, wang.Position, wang.Status));
        Assert.Null(wang.Mobile);
        Assert.Equal("13803510001", (await directory.MemberAsync("lihongmei")).Mobile);
        Assert.Equal(WeComErrors.UserNotFound, (await directory.MemberAsync("nobody")).ErrCode);

        // A token WeCom stopped accepting is fetched again once, as for messages.
        var issued = harness.StandIn.TokensIssued;
        harness.StandIn.ExpireAllTokens();
        Assert.True((await directory.MembersOfAsync(200)).IsOk);
        Assert.Equal(issued + 1, harness.StandIn.TokensIssued);
    }
}
