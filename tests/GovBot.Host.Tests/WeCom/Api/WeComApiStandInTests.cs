using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using GovBot.Emulator;
using GovBot.Host.WeCom.Api;

namespace GovBot.Host.Tests.WeCom.Api;

/// <summary>The stand-in refuses what WeCom refuses, so the client's tests mean something.</summary>
public sealed class WeComApiStandInTests : IAsyncLifetime
{
    private WeComApiStandIn _standIn = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _standIn = await WeComApiStandIn.StartAsync(new WeComStandInOptions { KnownUsers = ["u1", "u2"] });
        _http = new HttpClient { BaseAddress = new Uri(_standIn.BaseUrl) };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _standIn.DisposeAsync();
    }

    [Fact]
    public void It_listens_on_loopback_on_a_free_port()
    {
        var url = new Uri(_standIn.BaseUrl);
        Assert.Equal("127.0.0.1", url.Host);
        Assert.NotEqual(0, url.Port);
    }

    [Fact]
    public async Task Gettoken_checks_corp_and_secret()
    {
        var o = _standIn.Options;
        Assert.Equal(40013, await ErrCodeAsync(await _http.GetAsync($"/cgi-bin/gettoken?corpid=other&corpsecret={o.CorpSecret}")));
        Assert.Equal(40001, await ErrCodeAsync(await _http.GetAsync($"/cgi-bin/gettoken?corpid={o.CorpId}&corpsecret=wrong")));

        using var ok = await JsonDocument.ParseAsync(await _http.GetStreamAsync($"/cgi-bin/gettoken?corpid={o.CorpId}&corpsecret={o.CorpSecret}"));
        Assert.Equal(0, ok.RootElement.GetProperty("errcode").GetInt32());
        Assert.Equal(7200, ok.RootElement.GetProperty("expires_in").GetInt32());
        Assert.Equal(1, _standIn.TokensIssued);
    }

    [Fact]
    public async Task Send_checks_the_access_token()
    {
        Assert.Equal(41001, await SendRawAsync(Text("u1", "x"), token: ""));
        Assert.Equal(40014, await SendRawAsync(Text("u1", "x"), token: "forged"));
        var token = await TokenAsync();
        _standIn.ExpireAllTokens();
        Assert.Equal(42001, await SendRawAsync(Text("u1", "x"), token));
    }

    [Fact]
    public async Task Send_checks_the_payload_shape_like_WeCom()
    {
        var token = await TokenAsync();
        var agent = _standIn.Options.AgentId;
        Assert.Equal(40033, await SendRawAsync($$$"""{"touser":"u1","msgtype":"text","agentid":{{{agent}}},"text":{"content":"\u4f60\u597d"}}""", token));
        Assert.Equal(47001, await SendRawAsync("{not json", token));
        Assert.Equal(40056, await SendRawAsync(Text("u1", "x", agentId: 1), token));
        Assert.Equal(40008, await SendRawAsync($$"""{"touser":"u1","msgtype":"hologram","agentid":{{agent}}}""", token));
        Assert.Equal(44004, await SendRawAsync(Text("u1", ""), token));
        Assert.Equal(45002, await SendRawAsync(Text("u1", new string('字', 683)), token)); // 2049 bytes
        Assert.Equal(0, await SendRawAsync(Text("u1", new string('字', 682) + "ab"), token)); // 2048 bytes
        Assert.Equal(40032, await SendRawAsync(Text(string.Join('|', Enumerable.Range(0, 1001).Select(i => $"u{i}")), "x"), token));
        Assert.Equal(81013, await SendRawAsync(Text("ghost", "x"), token));
        Assert.Single(_standIn.Calls);
    }

    [Fact]
    public async Task A_button_card_needs_task_id_title_and_one_to_six_buttons_and_its_task_id_once()
    {
        var token = await TokenAsync();
        string Card(string taskId, string buttons) => $$$"""
            {"touser":"u1","msgtype":"template_card","agentid":{{{_standIn.Options.AgentId}}},
             "template_card":{"card_type":"button_interaction","task_id":"{{{taskId}}}","main_title":{"title":"标题"},"button_list":[{{{buttons}}}]}}
            """;
        const string button = """{"text":"好","style":1,"key":"k1"}""";

        Assert.Equal(40035, await SendRawAsync(Card("bad:id", button), token));
        Assert.Equal(40035, await SendRawAsync(Card("t1", ""), token));
        Assert.Equal(40035, await SendRawAsync(Card("t1", string.Join(',', Enumerable.Repeat(button, 7))), token));
        Assert.Equal(40035, await SendRawAsync(Card("t1", """{"text":"好","style":1}"""), token));
        Assert.Equal(0, await SendRawAsync(Card("t1", button), token));
        Assert.Equal(40035, await SendRawAsync(Card("t1", button), token));
    }

    [Fact]
    public async Task Watchers_see_each_accepted_call_as_it_happens()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var seen = new List<WeComApiCall>();
        var calls = _standIn.WatchAsync(cts.Token);
        var watching = Task.Run(async () =>
        {
            await foreach (var call in calls)
            {
                seen.Add(call);
                if (seen.Count == 2) return;
            }
        }, cts.Token);
        var token = await TokenAsync();

        await SendRawAsync(Text("u1", "一"), token);
        await SendRawAsync(Text("ghost", "refused, not streamed"), token);
        await SendRawAsync(Text("u2", "二"), token);
        await watching;

        Assert.Equal([["u1"], ["u2"]], seen.Select(c => c.Recipients));
    }

    [Fact]
    public async Task With_the_duplicate_check_a_repeated_message_is_not_delivered_again_and_answers_the_first_msgid()
    {
        var token = await TokenAsync();
        string Checked(string content) => JsonSerializer.Serialize<WeComMessage>(
            new WeComTextMessage
            {
                ToUser = "u1", AgentId = _standIn.Options.AgentId, Text = new WeComTextContent(content),
                EnableDuplicateCheck = true, DuplicateCheckInterval = 180,
            }, WeComJson.Options);

        var first = await MsgIdAsync(Checked("您反映的问题已受理"), token);
        var again = await MsgIdAsync(Checked("您反映的问题已受理"), token);
        var other = await MsgIdAsync(Checked("您反映的问题已办结"), token);
        var unchecked_ = await MsgIdAsync(Text("u1", "您反映的问题已受理"), token);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.NotEqual(first, unchecked_);
        Assert.Equal(3, _standIn.CallsTo("message/send").Count);
    }

    private async Task<string> MsgIdAsync(string json, string token)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var doc = JsonDocument.Parse(await (await _http.PostAsync($"/cgi-bin/message/send?access_token={token}", content)).Content.ReadAsStringAsync());
        Assert.Equal(0, doc.RootElement.GetProperty("errcode").GetInt32());
        return doc.RootElement.GetProperty("msgid").GetString()!;
    }

    private string Text(string toUser, string content, int? agentId = null) =>
        JsonSerializer.Serialize<WeComMessage>(
            new WeComTextMessage { ToUser = toUser, AgentId = agentId ?? _standIn.Options.AgentId, Text = new WeComTextContent(content) },
            WeComJson.Options);

    private async Task<string> TokenAsync()
    {
        var o = _standIn.Options;
        var answer = await _http.GetFromJsonAsync<WeComTokenResult>($"/cgi-bin/gettoken?corpid={o.CorpId}&corpsecret={o.CorpSecret}");
        return answer!.AccessToken!;
    }

    private async Task<int> SendRawAsync(string json, string token)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        return await ErrCodeAsync(await _http.PostAsync($"/cgi-bin/message/send?access_token={token}", content));
    }

    private static async Task<int> ErrCodeAsync(HttpResponseMessage response)
    {
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.GetProperty("errcode").GetInt32();
    }
}
