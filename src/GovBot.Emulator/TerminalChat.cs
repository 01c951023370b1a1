using GovBot.Data.Seeding;

namespace GovBot.Emulator;

/// <summary>
/// <c>dotnet run --project src/GovBot.Emulator -- chat --user zhangli</c>: the whole emulator on a
/// free loopback port, with a chat on the terminal for people on a server without a browser.
/// </summary>
public sealed class TerminalChat
{
    public const string Verb = "chat";

    private TerminalChat(string user, string[] hostArgs)
    {
        User = user;
        HostArgs = hostArgs;
    }

    /// <summary>Whom to chat as first.</summary>
    public string User { get; }

    /// <summary>The arguments for the host: the caller's own settings, then a free port and quiet logs.</summary>
    public string[] HostArgs { get; }

    /// <summary>The chat the arguments ask for, or null when they do not start with "chat".</summary>
    public static TerminalChat? FromArgs(string[] args)
    {
        if (args.Length == 0 || args[0] != Verb) return null;
        var user = DemoUsers.Resident;
        var rest = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i] is "--user" or "-u" && i + 1 < args.Length) user = args[++i];
            else if (args[i].StartsWith("--user=", StringComparison.Ordinal)) user = args[i]["--user=".Length..];
            else rest.Add(args[i]);
        }
        // Port 0: a chat must not collide with a web host already on 5080. Only errors reach the terminal.
        rest.AddRange([
            "--urls=http://127.0.0.1:0",
            "--Logging:LogLevel:Default=Error",
            "--Logging:LogLevel:Microsoft.AspNetCore=Error",
        ]);
        return new TerminalChat(user, rest.ToArray());
    }

    /// <summary>Starts the host, chats on the console until /quit, end of input or Ctrl+C, and stops it.</summary>
    public async Task<int> RunAsync(WebApplication app)
    {
        Console.InputEncoding = System.Text.Encoding.UTF8;
        Console.OutputEncoding = System.Text.Encoding.UTF8;
        await app.StartAsync();
        try
        {
            var repl = new ChatRepl(
                app.Services.GetRequiredService<EmulatorChat>(),
                app.Services.GetRequiredService<EmulatorPeople>(),
                Console.In, Console.Out, app.Services.GetRequiredService<TimeProvider>())
            {
                ShowPrompt = !Console.IsInputRedirected,
            };
            return await repl.RunAsync(User, app.Lifetime.ApplicationStopping);
        }
        finally
        {
            await app.StopAsync();
        }
    }
}
