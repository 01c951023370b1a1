using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using GovBot.Host.Tests.EndToEnd;
using Microsoft.Extensions.Configuration;

namespace GovBot.Host.Tests.Hosting;

/// <summary>
/// 5080 is only the fallback: ASPNETCORE_URLS and --urls reach the real host process (GovBotApp, run as the emulator so
/// that it needs no WeCom settings; built as it ships, its appsettings.json beside it) instead of being overridden by a "Urls" in appsettings.json.
/// </summary>
public sealed class HostUrlsTests
{
    [Fact]
    public void With_no_setting_the_host_falls_back_to_localhost_5080() =>
        Assert.Equal("http://localhost:5080", HostUrls.FallbackUnlessConfigured(Config()));

    [Theory]
    [InlineData("urls", "http://0.0.0.0:9000")] // ASPNETCORE_URLS, --urls, "Urls", launchSettings' applicationUrl
    [InlineData("http_ports", "8080")] // ASPNETCORE_HTTP_PORTS, as the official container images set it
    [InlineData("https_ports", "8443")]
    [InlineData("Kestrel:Endpoints:Http:Url", "http://*:7000")]
    public void Any_standard_setting_leaves_the_address_to_asp_net_core(string key, string value) =>
        Assert.Null(HostUrls.FallbackUnlessConfigured(Config((key, value))));

    [Fact]
    public void The_shipped_appsettings_names_no_address()
    {
        var shipped = new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json")).Build();
        Assert.Null(shipped["Urls"]);
        Assert.Equal(HostUrls.Fallback, HostUrls.FallbackUnlessConfigured(shipped));
    }

    [Fact]
    public async Task A_host_started_with_ASPNETCORE_URLS_listens_there()
    {
        var port = FreePort();
        await using var host = HostProcess.Start([], new() { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}" });
        await host.AnswersAsync(port);
    }

    [Fact]
    public async Task A_host_started_with_the_urls_argument_listens_there()
    {
        var port = FreePort();
        await using var host = HostProcess.Start([$"--urls=http://127.0.0.1:{port}"], []);
        await host.AnswersAsync(port);
    }

    private static IConfiguration Config(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>GovBot.Emulator.dll (GovBotApp plus the stand-in) as its own process, run from the test's output folder, where its appsettings.json lies.</summary>
    private sealed class HostProcess : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly string _dataDir;
        private readonly System.Text.StringBuilder _output = new();

        private HostProcess(Process process, string dataDir)
        {
            _process = process;
            _dataDir = dataDir;
        }

        public static HostProcess Start(string[] args, Dictionary<string, string> env)
        {
            var dataDir = Directory.CreateTempSubdirectory("govbot-urls-").FullName;
            var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "GovBot.Emulator.dll"), .. args])
            {
                WorkingDirectory = AppContext.BaseDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.Environment["ConnectionStrings__GovBot"] = $"Data Source={Path.Combine(dataDir, "govbot.db")}";
            start.Environment["Data__SeedDemoCounty"] = "false";
            // The emulator, as a fresh checkout starts.
            // The test runner's own settings must not decide where the host listens.
            start.Environment.Remove("ASPNETCORE_URLS");
            start.Environment.Remove("ASPNETCORE_HTTP_PORTS");
            start.Environment.Remove("DOTNET_URLS");
            foreach (var (key, value) in env) start.Environment[key] = value;
            var host = new HostProcess(Process.Start(start)!, dataDir);
            host._process.OutputDataReceived += (_, e) => host.Keep(e.Data);
            host._process.ErrorDataReceived += (_, e) => host.Keep(e.Data);
            host._process.BeginOutputReadLine();
            host._process.BeginErrorReadLine();
            return host;
        }

        private void Keep(string? line)
        {
            if (line is null) return;
            lock (_output) _output.AppendLine(line);
        }

        /// <summary>Polls /healthz on <paramref name="port"/> until it answers; fails if the process exits, or after three minutes (a cold start migrates a new store, and test hosts share the machine).</summary>
        public async Task AnswersAsync(int port)
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            try
            {
                await BotHost.EventuallyAsync(async () =>
                {
                    if (_process.HasExited) return true;
                    try
                    {
                        using var answer = await http.GetAsync($"http://127.0.0.1:{port}/healthz");
                        return true;
                    }
                    // Not listening yet, or too slow to answer on a busy machine (the client's timeout): look again.
                    catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                    {
                        return false;
                    }
                }, TimeSpan.FromMinutes(3));
                if (!_process.HasExited) return;
            }
            catch (TimeoutException)
            {
                // Told below, with what the host wrote.
            }
            string output;
            lock (_output) output = _output.ToString();
            Assert.Fail($"The host never answered on port {port}. Its output:\n{output}");
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
            _process.Dispose();
            try { Directory.Delete(_dataDir, recursive: true); } catch (IOException) { }
        }
    }
}
