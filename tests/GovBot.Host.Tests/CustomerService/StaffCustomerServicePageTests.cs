using GovBot.Data.CustomerService;
using GovBot.Data.Messaging;
using GovBot.Host.Tests.EndToEnd;
using GovBot.Host.Tests.Staff;
using GovBot.Skills.Conversation;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Host.Tests.CustomerService;

/// <summary>Staff see, in words, which messages to WeChat users wait for the resident and why.</summary>
public sealed class StaffCustomerServicePageTests
{
    [Fact]
    public async Task A_push_held_by_the_closed_window_is_listed_with_its_reason_in_Chinese()
    {
        await using var staff = await StaffHost.StartAsync();
        var chat = new WeChatChat(staff.Bot);
        await chat.SayAsync("wmStaffSees01", "你好");
        await staff.Bot.WithDbAsync(db => db.ExternalUsers.ExecuteUpdateAsync(s => s.SetProperty(e => e.LastInboundAt, DateTimeOffset.UtcNow.AddHours(-49))));
        await staff.Bot.WithDbAsync(async db =>
        {
            await db.EnqueuePushAsync(new OutboxPush(new TextPart("您反映的楼道灯已经修好了。"), [ExternalUser.IdentityOf("wmStaffSees01")]), DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });
        await BotHost.EventuallyAsync(() => staff.Bot.WithDbAsync(db => db.Outbox.AnyAsync(o => o.Status == OutboxStatus.Held)));

        var page = await (await staff.AdminAsync()).GetStringAsync("/staff/customer-service");

        Assert.Contains("您反映的楼道灯已经修好了", page);
        Assert.Contains("等居民发消息后补发", page);
        Assert.Contains("超过48小时", page);
        Assert.DoesNotContain("wmStaffSees01", page);
    }
}
