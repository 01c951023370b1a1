using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GovBot.Emulator;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GovBot.Host.Tests.Emulator;

/// <summary>
/// The emulator (src/GovBot.Emulator) as a fresh checkout runs it: the real host plus the WeCom stand-in, on a loopback port with
/// its own SQLite file. Tests drive it through /emulator/api, as the page does.
/// </summary>
public sealed class EmulatorHost : IAsyncDisposable
{
    public static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;

    private readonly WebApplicationFactory<EmulatorProgram> _factory;

    private EmulatorHost(WebApplicationFactory<EmulatorProgram> factory, string dataDir)
    {
        _factory = factory;
        DataDir = dataDir;
        Http = factory.CreateClient();
    }

    public string DataDir { get; }
    public HttpClient Http { get; }
    public IServiceProvider Services => _factory.Services;
    public WeComApiStandIn StandIn => Services.GetRequiredService<EmulatorStandIn>().Instance;

    /// <summary>Where the host listens, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress => Http.BaseAddress!;

    public static Task<EmulatorHost> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var dataDir = Directory.CreateTempSubdirectory("govbot-emu-").FullName;
        var all = new Dictionary<string, string?>
        {
            ["ConnectionStrings:GovBot"] = $"Data Source={Path.Combine(dataDir, "govbot.db")}",
            ["WeCom:Outbox:PollInterval"] = "00:00:00.200",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;

        var factory = new WebApplicationFactory<EmulatorProgram>().WithWebHostBuilder(b =>
        {
            foreach (var (key, value) in all) b.UseSetting(key, value);
        });
        // As in BotHost: an explicit loopback listener gets a free port (and overrides appsettings' Urls).
        factory.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        return Task.FromResult(new EmulatorHost(factory, dataDir));
    }

    public async Task<HttpResponseMessage> PostAsync(string path, object body) =>
        await Http.PostAsJsonAsync("emulator/api/" + path, body, Json);

    public async Task SendAsync(string user, string text)
    {
        using var response = await PostAsync("send", new { user, text });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public async Task TapAsync(string user, string key, string taskId)
    {
        using var response = await PostAsync("tap", new { user, key, taskId });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    public async Task<ChatPage> MessagesAsync(string user, long after = 0) =>
        (await Http.GetFromJsonAsync<ChatPage>($"emulator/api/messages?user={Uri.EscapeDataString(user)}&after={after}", Json))!;

    /// <summary>Waits (wall clock) until the user's chat has an entry matching <paramref name="match"/>; returns it.</summary>
    public async Task<ChatEntry> WaitForAsync(string user, Func<ChatEntry, bool> match, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            var entries = (await MessagesAsync(user)).Entries;
            if (entries.FirstOrDefault(match) is { } found) return found;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{user}'s chat never showed {what}; it holds:\n" + string.Join("\n", entries.Select(ChatRepl.Format)));
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(DataDir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
