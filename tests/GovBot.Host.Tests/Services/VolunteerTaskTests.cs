using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GovBot.Data.Seeding;
using GovBot.Data.Services;
using GovBot.Host.CheckIns;
using GovBot.Emulator;
using GovBot.Host.Tests.EndToEnd;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Host.Tests.Services;

/// <summary>Staff post a task; the volunteers of 红色唠嗑队 get a card, one taps 接单, everyone's card shows it filled.</summary>
public sealed class VolunteerTaskTests
{
    [Fact]
    public async Task A_volunteer_accepts_with_one_tap_and_every_recipient_sees_the_task_filled_then_hours_are_recorded()
    {
        await using var bot = await BotHost.StartAsync();
        var startsAt = DateTimeOffset.UtcNow.AddDays(3);
        using var create = new HttpRequestMessage(HttpMethod.Post, "api/services/tasks")
        {
            Content = JsonContent.Create(new
            {
                title = "集市维持秩序", place = "清泉湖社区党群服务中心门口", startsAt, endsAt = startsAt.AddHours(2), needed = 1,
                team = "红色唠嗑队", instructions = "到服务中心找赵晓燕领红马甲。",
            }),
        };
        create.Headers.Add(CheckInsApi.StaffHeader, DemoUsers.Staff);
        using var created = await bot.Http.SendAsync(create);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var taskId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        string[] team = [DemoUsers.Volunteer, DemoUsers.PartyCenterHousehold, DemoUsers.RetiredPartyMember];
        foreach (var user in team)
            await BotHost.EventuallyAsync(() => Task.FromResult(bot.PushedTextsTo(user).Any(t => t.Contains("集市维持秩序") && t.Contains("接单"))),
                because: $"{user} got no task card");

        var declined = await bot.ReplyToAsync(DemoUsers.RetiredPartyMember, () => TapAsync(bot, DemoUsers.RetiredPartyMember, "婉拒"));
        Assert.Contains("请其他志愿者", declined);

        var accepted = await bot.ReplyToAsync(DemoUsers.Volunteer, () => TapAsync(bot, DemoUsers.Volunteer, "接单"));
        Assert.Contains("接单成功", accepted);
        Assert.Contains("领红马甲", accepted);

        // One update_template_card with the tap's response_code greys out the card on every recipient's phone.
        await BotHost.EventuallyAsync(() => Task.FromResult(bot.StandIn.CallsTo("message/update_template_card")
            .Any(c => team.All(c.Recipients.Contains) && Strings(c.Body).Any(s => s.Contains("已满员")))), because: "the cards were not updated");
        await BotHost.EventuallyAsync(() => Task.FromResult(bot.PushedTextsTo(DemoUsers.Staff).Any(t => t.Contains("已满员") && t.Contains("孙丽娟"))));

        var late = await bot.ReplyToAsync(DemoUsers.PartyCenterHousehold, () => TapAsync(bot, DemoUsers.PartyCenterHousehold, "接单"));
        Assert.Contains("满员", late);

        using var hours = new HttpRequestMessage(HttpMethod.Post, $"api/services/tasks/{taskId}/hours")
        {
            Content = JsonContent.Create(new { attended = new[] { DemoUsers.Volunteer }, hours = 2 }),
        };
        hours.Headers.Add(CheckInsApi.StaffHeader, DemoUsers.Staff);
        using var confirmed = await bot.Http.SendAsync(hours);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        await BotHost.EventuallyAsync(() => Task.FromResult(bot.PushedTextsTo(DemoUsers.Volunteer).Any(t => t.Contains("2小时"))));
        var rows = await bot.WithDbAsync(db => db.VolunteerHours.Where(h => h.SourceKind == VolunteerHours.TaskSource && h.SourceId == taskId).ToListAsync());
        var row = Assert.Single(rows);
        Assert.Equal(120, row.Minutes);
        Assert.True(row.Attended);
    }

    private static Task<CallbackAnswer> TapAsync(BotHost bot, string user, string text)
    {
        var call = bot.StandIn.CallsTo("message/send").Last(c => c.MsgType == "template_card" && c.Recipients.Contains(user));
        var card = call.Body.GetProperty("template_card");
        var button = card.GetProperty("button_list").EnumerateArray().First(b => b.GetProperty("text").GetString() == text);
        return bot.WeCom.TapButtonAsync(user, button.GetProperty("key").GetString()!, card.GetProperty("task_id").GetString()!, call.ResponseCode ?? "");
    }

    private static IEnumerable<string> Strings(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => [e.GetString()!],
        JsonValueKind.Object => e.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => e.EnumerateArray().SelectMany(Strings),
        _ => [],
    };
}
