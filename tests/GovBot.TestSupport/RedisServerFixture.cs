using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using StackExchange.Redis;
using Xunit;

namespace GovBot.TestSupport;

/// <summary>
/// A private <c>redis-server</c> on a free loopback port, without persistence, for the tests of one collection.
/// It is found through <c>REDIS_SERVER</c> (a path), then <c>PATH</c>, then the usual install folders; when it is
/// missing the fixture fails loudly, because a silently skipped Redis suite would look green on CI.
/// Tests share the server, so each should use its own key prefix rather than flushing.
/// </summary>
public sealed class RedisServerFixture : IAsyncLifetime
{
    public const string Collection = "Redis server";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(15);
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "govbot-redis-" + Guid.NewGuid().ToString("N"));
    private readonly Queue<string> _output = new();
    private Process? _process;

    public string ServerPath { get; private set; } = "";
    public int Port { get; private set; }

    /// <summary>StackExchange.Redis connection string for the server, e.g. <c>127.0.0.1:51234</c>.</summary>
    public string ConnectionString => $"127.0.0.1:{Port}";

    /// <summary>
    /// Client options suited to tests: never abort on connect failure, short timeouts and quick reconnects,
    /// so a test that stops the server fails fast and recovers fast.
    /// </summary>
    public ConfigurationOptions CreateClientOptions()
    {
        var options = ConfigurationOptions.Parse(ConnectionString);
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = 1000;
        options.AsyncTimeout = 1000;
        options.SyncTimeout = 1000;
        options.ReconnectRetryPolicy = new LinearRetry(100);
        return options;
    }

    public Task<ConnectionMultiplexer> ConnectAsync() => ConnectionMultiplexer.ConnectAsync(CreateClientOptions());

    public async Task InitializeAsync()
    {
        ServerPath = LocateServer() ?? throw new InvalidOperationException(
            "redis-server was not found, and the Redis tests need a real one: install it (Debian/Ubuntu: " +
            "`apt-get install -y redis-server`; CI installs it), put it on PATH, or set REDIS_SERVER to its path.");
        Directory.CreateDirectory(_directory);

        // Another process may grab the port between our probe and the server's bind: try a few fresh ports.
        for (var attempt = 1; ; attempt++)
        {
            Port = FreeLoopbackPort();
            try
            {
                await StartAsync();
                return;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                await StopAsync();
            }
        }
    }

    public async Task DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover empty temp folder is harmless; never fail a test run over it.
        }
    }

    /// <summary>Starts the server on <see cref="Port"/> (again) and returns once it answers PING.</summary>
    public async Task StartAsync()
    {
        if (_process is { HasExited: false }) return;
        lock (_output) _output.Clear();

        var start = new ProcessStartInfo(ServerPath)
        {
            WorkingDirectory = _directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in (string[])["--port", Port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                     "--dir", _directory, "--daemonize", "no"])
            start.ArgumentList.Add(arg);

        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Remember(e.Data);
        process.ErrorDataReceived += (_, e) => Remember(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;

        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (process.HasExited)
                throw new InvalidOperationException(
                    $"redis-server ({ServerPath}) exited with code {process.ExitCode} before answering on port {Port}:\n{Output()}");
            if (await AnswersPingAsync(Port)) return;
            await Task.Delay(20);
        }
        throw new InvalidOperationException($"redis-server did not answer PING on port {Port} within {StartTimeout}:\n{Output()}");
    }

    /// <summary>Kills the server, as a crash would; nothing is persisted, so it comes back empty.</summary>
    public async Task StopAsync()
    {
        if (_process is not { } process) return;
        _process = null;
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        finally
        {
            process.Dispose();
        }
    }

    /// <summary>Stops the server and starts it again on the same port, after <paramref name="downtime"/>.</summary>
    public async Task RestartAsync(TimeSpan downtime = default)
    {
        await StopAsync();
        if (downtime > TimeSpan.Zero) await Task.Delay(downtime);
        await StartAsync();
    }

    private static string? LocateServer()
    {
        if (Environment.GetEnvironmentVariable("REDIS_SERVER") is { Length: > 0 } configured)
            return File.Exists(configured) ? configured : null;
        var folders = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/usr/bin", "/usr/local/bin", "/usr/sbin", "/opt/homebrew/bin"]);
        return folders.Select(folder => Path.Combine(folder, "redis-server")).FirstOrDefault(File.Exists);
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<bool> AnswersPingAsync(int port)
    {
        try
        {
            using var client = new TcpClient();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await client.ConnectAsync(IPAddress.Loopback, port, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray(), timeout.Token);
            var buffer = new byte[64];
            var read = await stream.ReadAsync(buffer, timeout.Token);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException)
        {
            return false;
        }
    }

    private void Remember(string? line)
    {
        if (line is null) return;
        lock (_output)
        {
            _output.Enqueue(line);
            // Only the tail matters for a start-up failure message.
            while (_output.Count > 40) _output.Dequeue();
        }
    }

    private string Output()
    {
        lock (_output) return string.Join('\n', _output);
    }
}
