using GovBot.Skills.Nlu;
using GovBot.Skills.Tests.Nlu;

namespace GovBot.Skills.Tests.Volunteers;

/// <summary>Wanting to become a volunteer reaches the volunteer skill; booking a volunteer's service still books.</summary>
public sealed class VolunteerRoutingTests
{
    [Theory]
    [InlineData("我想当志愿者")]
    [InlineData("咋加入你们志愿队")]
    [InlineData("报名当志愿者")]
    [InlineData("我想加入红色唠嗑队")]
    [InlineData("怎么成为社区志愿者")]
    [InlineData("俺也想当个志愿者 给社区出把力")]
    [InlineData("我想入队")]
    public void Joining_is_volunteer(string text) => Assert.Equal(Intents.Volunteer, NluTestSupport.Router.Parse(text).Intent.Name);

    [Theory]
    [InlineData("约个志愿者修车", Intents.BookService)]
    [InlineData("报名理发", Intents.BookService)]
    [InlineData("志愿服务大集都有啥服务", Intents.BookService)]
    [InlineData("想找志愿者帮忙买点菜送上来", Intents.MicroWish)]
    [InlineData("上个月参加志愿服务加分了没", Intents.QueryPoints)]
    public void Services_wishes_and_points_that_name_volunteers_stay_where_they_were(string text, string intent) =>
        Assert.Equal(intent, NluTestSupport.Router.Parse(text).Intent.Name);
}
