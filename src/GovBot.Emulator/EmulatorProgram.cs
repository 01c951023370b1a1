using GovBot.Host;

namespace GovBot.Emulator;

/// <summary>
/// <c>dotnet run --project src/GovBot.Emulator</c>: the host as GovBotApp composes it, plus the WeCom stand-in and the
/// page at /emulator; <c>-- chat --user &lt;id&gt;</c> chats on the terminal instead. A class rather than top-level
/// statements, because the tests reference this assembly and the host's, and a second global <c>Program</c> would be
/// ambiguous; not static, so tests can name it in <c>WebApplicationFactory&lt;EmulatorProgram&gt;</c>.
/// </summary>
public sealed class EmulatorProgram
{
    private EmulatorProgram()
    {
    }

    public static async Task<int> Main(string[] args)
    {
        // "chat --user <id>": the same emulator, with a chat on the terminal instead of waiting for a browser.
        var chat = TerminalChat.FromArgs(args);
        var builder = GovBotApp.CreateBuilder(chat?.HostArgs ?? args);
        builder.AddWeComEmulator();
        var app = GovBotApp.Build(builder);
        app.MapWeComEmulator();

        if (chat is not null) return await chat.RunAsync(app);
        await app.RunAsync();
        return 0;
    }
}
