using System.Net;
using System.Net.Http.Headers;
using GovBot.Host.Tests.EndToEnd;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace GovBot.Host.Tests.Fuzz;

/// <summary>
/// Thousands of malformed callbacks through the real HTTP pipeline: never a 5xx, never a hang, and nothing
/// written, queued or sent. A few mangled inner messages are still a readable WeCom message; those may be
/// accepted, but never as more than one inbox row each.
/// </summary>
public sealed class CallbackFuzzTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Seed = 20261123, PerFamily = 150;
    private BotHost _bot = null!;

    public async Task InitializeAsync() => _bot = await BotHost.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Malformed_callbacks_never_fail_the_server_hang_or_leave_side_effects()
    {
        var corpus = CallbackCorpus.Build(_bot.Crypto, Seed, PerFamily);
        using var http = new HttpClient { BaseAddress = _bot.Http.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        var accepted = 0;
        var statuses = new Dictionary<HttpStatusCode, int>();

        for (var i = 0; i < corpus.Count; i++)
        {
            var fuzz = corpus[i];
            using var content = new ByteArrayContent(fuzz.Body);
            content.Headers.ContentType = new MediaTypeHeaderValue("text/xml");
            using var response = await http.PostAsync("wecom/callback?" + fuzz.Query, content);

            Assert.True((int)response.StatusCode < 500, $"case {i} {fuzz}: {(int)response.StatusCode}");
            statuses[response.StatusCode] = statuses.GetValueOrDefault(response.StatusCode) + 1;
            if (response.StatusCode == HttpStatusCode.OK)
            {
                Assert.Equal("mangled inner XML", fuzz.Family);
                accepted++;
            }
        }

        output.WriteLine($"{corpus.Count} cases: " + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{(int)s.Key}×{s.Value}")));
        // Mangled copies of one message share its MsgId unless the mangling hit it: at most one row each, often fewer.
        Assert.InRange(await _bot.WithDbAsync(db => db.Inbox.CountAsync()), 0, accepted);
        Assert.Equal(0, await _bot.WithDbAsync(db => db.Inbox.CountAsync(m => m.UserId != "fuzz-user")));
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("healthz")).StatusCode);
    }
}
