using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using Xunit;

namespace GovBot.TestSupport;

/// <summary>
/// A throwaway PostgreSQL server on a free loopback port, for the tests of one collection (declare the collection in
/// the test project: xunit finds collection definitions only in the test assembly itself). When
/// <c>GOVBOT_TEST_POSTGRES</c> holds a connection string (scripts/test.sh starts one server for the whole run) that
/// server is used instead. Each test asks for a database of its own with <see cref="CreateDatabaseAsync"/>.
/// The server is made for tests: no fsync, trust authentication on loopback, and the <c>C.UTF-8</c> locale GovBot
/// documents for production, so that Chinese text sorts and compares the same as there.
/// When the PostgreSQL binaries are missing the fixture fails loudly: a silently skipped suite would look green.
/// </summary>
public sealed class PostgresServerFixture : IAsyncLifetime
{
    public const string Collection = "PostgreSQL server";
    public const string ExistingServerVariable = "GOVBOT_TEST_POSTGRES";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static int _databases;
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "govbot-pg-" + Guid.NewGuid().ToString("N"));
    private Process? _process;

    /// <summary>Connection string to the server's <c>postgres</c> database, as the superuser.</summary>
    public string AdminConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        if (Environment.GetEnvironmentVariable(ExistingServerVariable) is { Length: > 0 } existing)
        {
            AdminConnectionString = new NpgsqlConnectionStringBuilder(existing) { Database = "postgres", Pooling = false }.ToString();
            return;
        }
        var server = await PostgresServer.StartAsync(_directory, StartTimeout);
        _process = server.Process;
        AdminConnectionString = server.AdminConnectionString;
    }

    /// <summary>
    /// Creates an empty database with a fresh name (UTF-8, <c>C.UTF-8</c>) and returns its connection string.
    /// <paramref name="name"/> reuses one: a host started again on the same data plays a restart. A new database is
    /// copied from <paramref name="template"/> when one is named (PostgreSQL copies files: much faster than migrating).
    /// </summary>
    public async Task<string> CreateDatabaseAsync(string? name = null, string? template = null)
    {
        name ??= $"govbot_{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}_{Guid.NewGuid().ToString("N")[..6]}";
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using (var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection))
        {
            exists.Parameters.AddWithValue("name", name);
            if (await exists.ExecuteScalarAsync() is null)
            {
                await using var create = new NpgsqlCommand(template is null
                    ? $"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'"
                    : $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"", connection);
                await create.ExecuteNonQueryAsync();
            }
        }
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name, Pooling = true }.ToString();
    }

    /// <summary>Drops a database, closing whatever is still connected to it.</summary>
    public async Task DropDatabaseAsync(string name)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        if (_process is { } process)
        {
            _process = null;
            await PostgresServer.StopAsync(process);
        }
        PostgresServer.DeleteFolder(_directory);
    }
}

/// <summary>Starts and stops a private PostgreSQL server (initdb refuses root: run as the <c>postgres</c> user then).</summary>
public static class PostgresServer
{
    public sealed record Started(Process Process, int Port, string AdminConnectionString);

    public static async Task<Started> StartAsync(string directory, TimeSpan timeout)
    {
        var bin = LocateBinaries() ?? throw new InvalidOperationException(
            "PostgreSQL was not found, and these tests need a real server: install it (Debian/Ubuntu: `apt-get install -y "
            + "postgresql`), or set PG_BIN to the folder holding initdb and postgres.");
        var data = Path.Combine(directory, "data");
        Directory.CreateDirectory(directory);
        var asRoot = Environment.UserName == "root";
        if (asRoot) await RunAsync("chown", ["-R", "postgres:postgres", directory], timeout);

        await RunAsync(Command(bin, "initdb", asRoot), [.. Prefix(bin, "initdb", asRoot),
            "-D", data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"], timeout);

        for (var attempt = 1; ; attempt++)
        {
            var port = FreeLoopbackPort();
            var start = new ProcessStartInfo(Command(bin, "postgres", asRoot))
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var arg in Prefix(bin, "postgres", asRoot)) start.ArgumentList.Add(arg);
            foreach (var arg in (string[])["-D", data, "-p", port.ToString(), "-k", directory, "-c", "listen_addresses=127.0.0.1",
                         "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off", "-c", "max_connections=400",
                         "-c", "shared_buffers=128MB"])
                start.ArgumentList.Add(arg);
            var output = new Queue<string>();
            // The server says when it takes connections; waiting for that line needs no polling.
            var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            void Seen(string? line)
            {
                Remember(output, line);
                if (line?.Contains("ready to accept connections", StringComparison.Ordinal) == true) ready.TrySetResult();
            }
            var process = new Process { StartInfo = start, EnableRaisingEvents = true };
            process.OutputDataReceived += (_, e) => Seen(e.Data);
            process.ErrorDataReceived += (_, e) => Seen(e.Data);
            process.Exited += (_, _) => ready.TrySetResult();
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();

            var admin = new NpgsqlConnectionStringBuilder
            {
                Host = "127.0.0.1", Port = port, Username = "postgres", Database = "postgres", Pooling = false, Timeout = 5,
            }.ToString();
            try
            {
                await ready.Task.WaitAsync(timeout);
            }
            catch (TimeoutException)
            {
                // Reported below with the server's output.
            }
            if (!process.HasExited && await AnswersAsync(admin)) return new Started(process, port, admin);
            await StopAsync(process);
            if (attempt >= 3)
                throw new InvalidOperationException($"PostgreSQL did not start on port {port}:\n{string.Join('\n', output)}");
        }
    }

    /// <summary>Stops the server as a crash would (no shutdown checkpoint); its folder is thrown away.</summary>
    public static async Task StopAsync(Process process)
    {
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

    public static void DeleteFolder(string directory)
    {
        try
        {
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A leftover temp folder is harmless; never fail a test run over it.
        }
    }

    private static string? LocateBinaries()
    {
        if (Environment.GetEnvironmentVariable("PG_BIN") is { Length: > 0 } configured)
            return File.Exists(Path.Combine(configured, "initdb")) ? configured : null;
        var installed = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
                .Select(d => Path.Combine(d, "bin"))
            : [];
        return installed.FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")));
    }

    // As root, through runuser, because initdb and postgres refuse to run as root.
    private static string Command(string bin, string tool, bool asRoot) => asRoot ? "runuser" : Path.Combine(bin, tool);

    private static string[] Prefix(string bin, string tool, bool asRoot) =>
        asRoot ? ["-u", "postgres", "--", Path.Combine(bin, tool)] : [];

    private static async Task RunAsync(string file, IEnumerable<string> args, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cts.Token);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', start.ArgumentList)} failed ({process.ExitCode}):\n{await stdout}\n{await stderr}");
    }

    private static async Task<bool> AnswersAsync(string connectionString)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            return true;
        }
        catch (Exception ex) when (ex is NpgsqlException or SocketException or IOException or TimeoutException)
        {
            return false;
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Remember(Queue<string> output, string? line)
    {
        if (line is null) return;
        lock (output)
        {
            output.Enqueue(line);
            while (output.Count > 40) output.Dequeue();
        }
    }
}
