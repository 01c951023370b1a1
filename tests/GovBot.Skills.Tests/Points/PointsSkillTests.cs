using GovBot.Data.Seeding;
using GovBot.Skills.Conversation;
using GovBot.Skills.Points;
using Microsoft.Extensions.Options;

namespace GovBot.Skills.Tests.Points;

/// <summary>积分排名 shows others' names only where the county allows it.</summary>
public sealed class PointsSkillTests
{
    [Theory]
    [InlineData(false, "第1名 马** 10 分")]
    [InlineData(true, "第1名 马小龙 10 分")]
    public async Task Ranking_masks_other_members_unless_the_county_shows_names(bool showNames, string expected)
    {
        using var world = await PointsWorld.StartAsync();
        world.Options.ShowNames = showNames;
        var text = await world.WithAsync(async s =>
        {
            var user = await s.PersonAsync(DemoUsers.RetiredPartyMember);
            var now = world.Time.GetUtcNow();
            var turn = new TurnContext(IncomingMessage.FromText(user.WeComUserId, "积分排名", now), user, null, null, now);
            var skill = new PointsSkill(s.Ledger, s.Book, Options.Create(world.Options));
            return (await skill.StartAsync(turn, default)).ToPlainText();
        });
        Assert.Contains(expected, text);
        Assert.Contains("排第1名（并列）", text);
    }
}
