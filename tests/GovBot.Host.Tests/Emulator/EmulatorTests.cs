using System.Net;
using System.Net.Http.Json;
using GovBot.Data;
using GovBot.Data.Seeding;
using GovBot.Emulator;
using GovBot.Host.Tests.EndToEnd;
using GovBot.Host.WeCom.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GovBot.Host.Tests.Emulator;

/// <summary>The emulator with default settings: its page and API, all through the host's real callback.</summary>
public sealed class EmulatorTests : IAsyncLifetime
{
    private EmulatorHost _host = null!;

    public async Task InitializeAsync() => _host = await EmulatorHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public void Without_WeCom_credentials_the_host_runs_against_its_own_stand_in()
    {
        var wecom = _host.Services.GetRequiredService<IOptions<WeComOptions>>().Value;
        Assert.Equal(EmulatorCredentials.CorpId, wecom.CorpId);
        Assert.Equal(_host.StandIn.BaseUrl, wecom.ApiBaseUrl);
        Assert.StartsWith("http://127.0.0.1:", wecom.ApiBaseUrl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_is_a_Chinese_chat_and_the_root_leads_to_it()
    {
        using var page = await _host.Http.GetAsync("emulator");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("lang=\"zh-CN\"", html, StringComparison.Ordinal);
        Assert.Contains("社区小助手", html, StringComparison.Ordinal);
        Assert.Contains("发送", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org", "", StringComparison.Ordinal), StringComparison.Ordinal);

        using var noRedirect = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _host.BaseAddress };
        using var root = await noRedirect.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, root.StatusCode);
        Assert.Equal("/emulator", root.Headers.Location?.ToString());
    }

    [Fact]
    public async Task The_user_list_names_demo_users_by_role_and_place()
    {
        var users = await _host.Http.GetFromJsonAsync<List<UserRow>>("emulator/api/users", EmulatorHost.Json);
        Assert.NotNull(users);
        Assert.Equal(DemoUsers.Resident, users[0].Id);
        Assert.Contains(users, u => u.Label == "张丽（居民·清华苑一期3号楼）");
        Assert.Contains(users, u => u.Label == "王建军（网格员·清华苑网格）");
        Assert.Contains(users, u => u.Label == "陈志强（在职党员·清华苑一期3号楼）");
        Assert.Contains(users, u => u.Label == "孙丽娟（志愿者·清华苑一期6号楼）");
        Assert.Contains(users, u => u.Label == "周婷（新用户·未登记）");
        Assert.All(DemoUsers.All, id => Assert.True(users.Single(u => u.Id == id).Featured));
    }

    [Fact]
    public async Task Menu_goes_through_the_callback_and_the_reply_shows_in_the_chat()
    {
        await _host.SendAsync(DemoUsers.Resident, "菜单");

        var page = await _host.MessagesAsync(DemoUsers.Resident);
        Assert.Collection(page.Entries,
            mine => Assert.Equal((ChatFrom.Me, "菜单"), (mine.From, mine.Text)),
            reply =>
            {
                Assert.Equal(ChatFrom.Bot, reply.From);
                Assert.Contains("社区小助手", reply.Text, StringComparison.Ordinal);
            });
        Assert.True(page.Entries[1].Seq > page.Entries[0].Seq);
        Assert.Equal(page.Entries[1].Seq, page.Last);
        Assert.Empty((await _host.MessagesAsync(DemoUsers.Resident, page.Last)).Entries);
        // It really came through the callback: the host's inbox holds it, decrypted, like any of WeCom's.
        await using var scope = _host.Services.CreateAsyncScope();
        var inbox = await scope.ServiceProvider.GetRequiredService<GovBotDb>().Inbox.SingleAsync();
        Assert.Equal((DemoUsers.Resident, "text"), (inbox.UserId, inbox.MsgType));
        Assert.Contains("<![CDATA[菜单]]>", inbox.PayloadXml, StringComparison.Ordinal);
        Assert.Empty((await _host.MessagesAsync(DemoUsers.Neighbour)).Entries);
    }

    [Fact]
    public async Task A_report_reaches_the_grid_worker_as_a_card_and_a_tap_tells_the_resident()
    {
        await _host.SendAsync(DemoUsers.Resident, "3号楼有人从窗户拉电线给电动车充电");
        await _host.SendAsync(DemoUsers.Resident, "是");
        await _host.WaitForAsync(DemoUsers.Resident, e => e.From == ChatFrom.Bot && e.Text?.Contains("已上报") == true, "已上报");

        var card = await _host.WaitForAsync(DemoUsers.GridWorker, e => e.Type == ChatTypes.Card, "a card");
        var activity = await _host.Http.GetFromJsonAsync<Activity>($"emulator/api/activity?after={card.Seq - 1}", EmulatorHost.Json);
        Assert.Contains(DemoUsers.GridWorker, activity!.Users);
        Assert.DoesNotContain(DemoUsers.Neighbour, activity.Users);
        Assert.Contains("S1001", card.Card!.Title, StringComparison.Ordinal);
        var accept = Assert.Single(card.Card.Buttons, b => b.Text == "受理");
        Assert.NotNull(card.TaskId);

        await _host.TapAsync(DemoUsers.GridWorker, accept.Key, card.TaskId);

        await _host.WaitForAsync(DemoUsers.Resident, e => e.From == ChatFrom.Bot && e.Text?.Contains("已受理") == true, "已受理");
        var update = await _host.WaitForAsync(DemoUsers.GridWorker, e => e.Type == ChatTypes.CardUpdate && e.TaskId == card.TaskId, "the card greyed out");
        Assert.Contains("已受理", update.Text, StringComparison.Ordinal);
        var now = (await _host.MessagesAsync(DemoUsers.GridWorker)).Entries.Single(e => e.Seq == card.Seq);
        Assert.Equal(update.Text, now.Card!.ReplacedWith);
        Assert.Contains((await _host.MessagesAsync(DemoUsers.GridWorker)).Entries, e => e.From == ChatFrom.Me && e.Text == "点了「受理」");

        // Like WeCom, a greyed-out card cannot be tapped again.
        using var again = await _host.PostAsync("tap", new { user = DemoUsers.GridWorker, key = accept.Key, taskId = card.TaskId });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("已经处理过了", (await again.Content.ReadFromJsonAsync<EmulatorError>(EmulatorHost.Json))!.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_photo_and_a_location_are_sent_as_WeCom_messages()
    {
        using (var image = await _host.PostAsync("image", new { user = DemoUsers.Resident }))
            Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        await _host.WaitForAsync(DemoUsers.Resident, e => e.Text?.Contains("收到照片了") == true, "收到照片了");
        var mine = (await _host.MessagesAsync(DemoUsers.Resident)).Entries.First();
        Assert.Equal((ChatFrom.Me, ChatTypes.Image), (mine.From, mine.Type));
        using (var photo = await _host.Http.GetAsync(mine.ImageUrl))
        {
            Assert.Equal("image/png", photo.Content.Headers.ContentType?.MediaType);
            Assert.Equal(DemoPhoto.Bytes, await photo.Content.ReadAsByteArrayAsync());
        }

        var place = EmulatorPlaces.All[0];
        using (var location = await _host.PostAsync("location", new { user = DemoUsers.Neighbour, label = place.Label, lat = place.Latitude, lng = place.Longitude }))
            Assert.Equal(HttpStatusCode.OK, location.StatusCode);
        await _host.WaitForAsync(DemoUsers.Neighbour, e => e.Text?.Contains("收到位置了") == true, "收到位置了");
        Assert.Contains((await _host.MessagesAsync(DemoUsers.Neighbour)).Entries, e => e.Type == ChatTypes.Location && e.Text!.Contains(place.Label, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_voice_is_sent_as_a_WeCom_voice_message_and_without_speech_the_resident_is_asked_to_type()
    {
        using (var voice = await _host.PostAsync("voice", new { user = DemoUsers.Resident }))
            Assert.Equal(HttpStatusCode.OK, voice.StatusCode);
        await _host.WaitForAsync(DemoUsers.Resident, e => e.Text?.Contains("打几个字") == true, "打几个字");
        Assert.Contains((await _host.MessagesAsync(DemoUsers.Resident)).Entries, e => e.From == ChatFrom.Me && e.Text!.StartsWith("[语音", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("send", "{\"user\":\"nobody\",\"text\":\"菜单\"}", "没有这位用户")]
    [InlineData("send", "{\"text\":\"菜单\"}", "请先选一位用户")]
    [InlineData("send", "{\"user\":\"zhangli\",\"text\":\"  \"}", "消息不能为空")]
    [InlineData("tap", "{\"user\":\"nobody\",\"key\":\"k\",\"taskId\":\"t\"}", "没有这位用户")]
    [InlineData("tap", "{\"user\":\"zhangli\",\"key\":\"k\",\"taskId\":\"no-such-card\"}", "没有找到这张卡片")]
    [InlineData("tap", "{\"user\":\"zhangli\"}", "哪张卡片")]
    [InlineData("location", "{\"user\":\"zhangli\",\"label\":\"北门\",\"lat\":91,\"lng\":112}", "经纬度不对")]
    [InlineData("location", "{\"user\":\"zhangli\",\"lat\":37.6,\"lng\":112.3}", "位置要有个名字")]
    [InlineData("image", "{\"user\":\"nobody\"}", "没有这位用户")]
    public async Task Bad_requests_are_refused_in_Chinese(string path, string json, string phrase)
    {
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        using var response = await _host.Http.PostAsync("emulator/api/" + path, content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<EmulatorError>(EmulatorHost.Json);
        Assert.Contains(phrase, error!.Error, StringComparison.Ordinal);
        Assert.Empty(_host.StandIn.CallsTo("message/send"));
    }

    [Fact]
    public async Task Reading_the_chat_of_an_unknown_user_is_refused()
    {
        using var response = await _host.Http.GetAsync("emulator/api/messages?user=nobody&after=0");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("没有这位用户：nobody", (await response.Content.ReadFromJsonAsync<EmulatorError>(EmulatorHost.Json))!.Error, StringComparison.Ordinal);
    }

    private sealed record Activity(List<string> Users, long Last);

    private sealed record UserRow(string Id, string Name, string Role, string Label, bool Featured);
}
