using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace GovBot.Load;

/// <summary>
/// The GovBot host as its own process (the Release build), configured like a production corp
/// except that WeCom's API is the load tool's stand-in. Its memory is sampled from outside, as an operator would.
/// </summary>
public sealed class HostUnderTest : IAsyncDisposable
{
    // WeCom's published sample callback values: the tool and the host must agree on them.
    public const string Token = "QDG6eK", EncodingAesKey = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C", CorpId = "wx5823bf96d3bd56c7";
    public const string AgentId = "1000002";

    private readonly ProcessStartInfo _start;
    private Process _process;
    private TaskCompletionSource _answering = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private HostUnderTest(ProcessStartInfo start, string baseUrl, string dataDir)
    {
        _start = start;
        _process = Launch(start);
        BaseUrl = baseUrl;
        DataDir = dataDir;
    }

    public string BaseUrl { get; }
    public string DataDir { get; }
    /// <summary>Completes once the host answers its health check, and again after a restart; pending while it is down.</summary>
    public Task Answering => Volatile.Read(ref _answering).Task;
    public string DatabasePath => Path.Combine(DataDir, "govbot.db");
    /// <summary>Whether the store outlives the run; otherwise it is removed with the host, so runs do not fill the disk.</summary>
    public bool KeepData { get; set; } = true;
    public long WorkingSetBytes { get { _process.Refresh(); return _process.WorkingSet64; } }

    /// <param name="settings">Environment settings that replace the load run's (e.g. a real-mode start without the demo).</param>
    public static async Task<HostUnderTest> StartAsync(
        string repoRoot, string apiBaseUrl, string secret, string? redis, CancellationToken ct, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var port = FreePort();
        var dataDir = Directory.CreateTempSubdirectory("govbot-load-").FullName;
        // The built assembly itself, not `dotnet run`, so that the process whose memory is sampled is the host.
        var project = Path.Combine(repoRoot, "src", "GovBot.Host");
        var assembly = Assembly(repoRoot);
        if (!File.Exists(assembly)) throw new FileNotFoundException("Build first: dotnet build -c Release", assembly);
        var start = new ProcessStartInfo("dotnet", [assembly])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = project,
        };
        var env = start.Environment;
        env["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        env["ConnectionStrings__GovBot"] = $"Data Source={Path.Combine(dataDir, "govbot.db")}";
        if (redis is not null) env["ConnectionStrings__Redis"] = redis;
        env["WeCom__CorpId"] = CorpId;
        env["WeCom__AgentId"] = AgentId;
        env["WeCom__Secret"] = secret;
        env["WeCom__Token"] = Token;
        env["WeCom__EncodingAesKey"] = EncodingAesKey;
        env["WeCom__ApiBaseUrl"] = apiBaseUrl;
        // Real mode with the demo county asked for on purpose: the simulated residents are its people.
        env["Data__SeedDemoCounty"] = "true";
        // A load run sends far faster per member than a person types; the flood guard is measured elsewhere.
        env["Conversation__RateLimit__MessagesPerMinute"] = "1000000";
        // Every simulated report lands on the same few grid workers; WeCom's per-member send limits would hold their
        // cards back for hours. The stand-in is not WeCom, so the run lifts them (tested on their own elsewhere).
        env["WeCom__Outbox__MemberMessagesPerMinute"] = "1000";
        env["WeCom__Outbox__MemberMessagesPerHour"] = "100000";
        env["WeCom__Outbox__AccountLimit"] = "0";
        // A row a killed host had claimed waits for its lease to lapse; short here so the audit need not wait minutes.
        env["WeCom__Outbox__ClaimLease"] = "00:00:20";
        env["Logging__LogLevel__Default"] = "Warning";
        // A county administrator to read 「系统」 with, and a scrape key, so the run can check its figures there (LoadRun).
        foreach (var (key, value) in SystemPageCheck.HostSettings().Concat(MetricsScrapeCheck.HostSettings())) env[key] = value;
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) env[key] = value;

        var host = new HostUnderTest(start, $"http://127.0.0.1:{port}", dataDir);
        try
        {
            await host.WaitHealthyAsync(ct);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>The host's Release build, which the tool runs (and whose commands, such as backup, it calls).</summary>
    public static string Assembly(string repoRoot) => Path.Combine(repoRoot, "src", "GovBot.Host", "bin", "Release", "net10.0", "GovBot.Host.dll");

    /// <summary>SIGKILL, as a crash or an OOM killer would, then the same host again on the same port and data.</summary>
    public async Task<TimeSpan> KillAndRestartAsync(CancellationToken ct)
    {
        Down();
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync(ct);
        _process.Dispose();
        var down = Stopwatch.StartNew();
        _process = Launch(_start);
        await WaitHealthyAsync(ct);
        return down.Elapsed;
    }

    /// <summary>SIGKILL without a restart: a host of several that dies for good; the others carry on.</summary>
    public async Task KillAsync(CancellationToken ct)
    {
        Down();
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync(ct);
    }

    private static Process Launch(ProcessStartInfo start)
    {
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("host: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>From now until it is healthy again, <see cref="Answering"/> is pending.</summary>
    private void Down()
    {
        if (Volatile.Read(ref _answering).Task.IsCompleted)
            Volatile.Write(ref _answering, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
    }

    private async Task WaitHealthyAsync(CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"The host exited with {_process.ExitCode} before it was healthy.");
            try
            {
                if ((await http.GetAsync(BaseUrl + "/healthz", ct)).StatusCode == HttpStatusCode.OK)
                {
                    Volatile.Read(ref _answering).TrySetResult();
                    return;
                }
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested) { }
            await Task.Delay(250, ct);
        }
        throw new TimeoutException("The host did not become healthy within two minutes.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        if (KeepData) return;
        // The audit's pooled connections still hold the file open.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(DataDir, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
