using System.Net.Http.Json;
using System.Text.Json;
using GovBot.Host.Tests.EndToEnd;

namespace GovBot.Host.Tests.Ai;

/// <summary>The real host with section AI pointing at a loopback <see cref="OpenAiStub"/>.</summary>
public sealed class AiHost : IAsyncDisposable
{
    private AiHost(BotHost bot, OpenAiStub model)
    {
        Bot = bot;
        Model = model;
    }

    public BotHost Bot { get; }
    public OpenAiStub Model { get; }

    public static async Task<AiHost> StartAsync(string timeout = "00:00:01", IDictionary<string, string?>? settings = null)
    {
        var model = await OpenAiStub.StartAsync();
        var all = new Dictionary<string, string?>
        {
            ["AI:Endpoint"] = model.Endpoint,
            ["AI:Model"] = "qwen2.5-7b-instruct",
            ["AI:ApiKey"] = "test-key",
            ["AI:Timeout"] = timeout,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;
        return new AiHost(await BotHost.StartAsync(settings: all), model);
    }

    /// <summary>POST /api/nlu/parse, as an outside measuring tool calls it.</summary>
    public static async Task<JsonElement> ParseAsync(BotHost bot, string text)
    {
        // In the host (not the emulator) the parse endpoint needs a caller: the county admin, named as an intranet script does.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/nlu/parse") { Content = JsonContent.Create(new { text }) };
        request.Headers.Add(GovBot.Host.CheckIns.CheckInsApi.StaffHeader, GovBot.Data.Seeding.DemoUsers.CountyAdmin);
        using var response = await bot.Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static string? Entity(JsonElement parsed, string name) =>
        parsed.GetProperty("entities").EnumerateArray().Where(e => e.GetProperty("entity").GetString() == name)
            .Select(e => e.GetProperty("value").GetString()).FirstOrDefault();

    public async ValueTask DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Model.DisposeAsync();
    }
}
