using GovBot.Data.Messaging;
using GovBot.Data.Seeding;
using GovBot.Emulator;
using GovBot.Host.Tests.WeCom;
using GovBot.Host.WeCom.Xml;
using GovBot.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Host.Tests.EndToEnd;

/// <summary>Nothing lost, nothing twice: across a stop and start, and with two hosts sharing one Redis and one store.</summary>
[Collection(RedisServerFixture.Collection)]
public sealed class RestartTests(RedisServerFixture redis) : IAsyncLifetime
{
    private WeComApiStandIn _standIn = null!;
    private string _data = null!;

    public async Task InitializeAsync()
    {
        _standIn = await WeComApiStandIn.StartAsync(new WeComStandInOptions { CorpId = WeComSample.CorpId });
        _data = Directory.CreateTempSubdirectory("govbot-restart-").FullName;
    }

    public async Task DisposeAsync()
    {
        await _standIn.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task A_message_accepted_before_a_crash_is_handled_once_after_the_restart()
    {
        var first = await BotHost.StartAsync(_standIn, _data);
        await first.StopAsync();

        // What a crash between accepting and handling leaves behind: a stored, unhandled message.
        var xml = WeComInboundXml.Text(WeComSample.CorpId, DemoUsers.Resident, 1_790_001_000, "帮助", "7100000001", "1000002");
        await BotHost.ReadStoreAsync(_data, async db =>
        {
            db.Inbox.Add(new InboxMessage
            {
                DedupKey = "7100000001", UserId = DemoUsers.Resident, MsgType = "text", PayloadXml = xml,
                ReceivedAt = DateTimeOffset.UtcNow.AddSeconds(-3), CorrelationId = "before-crash",
            });
            return await db.SaveChangesAsync();
        });

        await using var second = await BotHost.StartAsync(_standIn, _data);
        await BotHost.EventuallyAsync(() => Task.FromResult(second.PushedTextsTo(DemoUsers.Resident).Count > 0),
            because: "the unfinished message was not answered after the restart");

        // WeCom's own retry of that message after the restart must not cause a second answer.
        var retry = await second.WeCom.PostAsync(xml);
        await second.SettledAsync();
        Assert.Null(retry.PassiveReply);
        Assert.Contains("社区小助手", Assert.Single(second.PushedTextsTo(DemoUsers.Resident)));
        Assert.Equal(InboxStatus.Done, await second.WithDbAsync(db => db.Inbox.Select(m => m.Status).SingleAsync()));
    }

    [Fact]
    public async Task A_half_finished_dialog_continues_after_a_restart_when_Redis_holds_it()
    {
        var settings = new Dictionary<string, string?> { ["ConnectionStrings:Redis"] = redis.ConnectionString };
        var first = await BotHost.StartAsync(_standIn, _data, settings);
        var asked = await first.WeCom.SendTextAsync(DemoUsers.Newcomer, "你好");
        Assert.Contains("哪个社区", asked.PassiveReply);
        await first.StopAsync();

        await using var second = await BotHost.StartAsync(_standIn, _data, settings);
        var next = await second.WeCom.SendTextAsync(DemoUsers.Newcomer, "清泉湖社区");
        Assert.Contains("哪个小区", next.PassiveReply);
    }

    [Fact]
    public async Task Two_hosts_sharing_Redis_and_the_store_handle_one_users_messages_in_order()
    {
        var settings = new Dictionary<string, string?> { ["ConnectionStrings:Redis"] = redis.ConnectionString };
        await using var a = await BotHost.StartAsync(_standIn, _data, settings);
        await using var b = await BotHost.StartAsync(_standIn, _data, settings);

        // WeCom may deliver consecutive messages of one member to different instances behind a load balancer.
        var user = "neighbour-" + Guid.NewGuid().ToString("N")[..8];
        Assert.Contains("哪个社区", await a.SayAsync(user, "你好"));
        Assert.Contains("哪个小区", await b.SayAsync(user, "迎新社区"));
        Assert.Contains("几号楼", await a.SayAsync(user, "世纪花园"));
        Assert.Contains("回复「是」", await b.SayAsync(user, "1"));
        Assert.Contains("记好了：世纪花园1号楼", await a.SayAsync(user, "是"));

        Assert.Equal(5, await a.WithDbAsync(db => db.Inbox.CountAsync(m => m.UserId == user && m.Status == InboxStatus.Done)));
    }
}
