using System.Globalization;
using System.Text;

namespace GovBot.Emulator;

/// <summary>
/// The terminal chat's loop: reads a line, sends it as the current user, waits for the bot's answer and
/// prints what the user's chat got since. Works the same on a keyboard and on piped input, since each
/// line waits for its answer before the next is read. Pushes arriving between lines are printed too.
/// </summary>
public sealed class ChatRepl(EmulatorChat chat, EmulatorPeople people, TextReader input, TextWriter output, TimeProvider time)
{
    private const string Help =
        "直接打字就是发消息。#1 点最新卡片的第 1 个按钮；/图片 发一张照片；/位置 列出可发的位置，/位置 1 发第 1 个；\n" +
        "/user 用户名 换个人聊（/users 看有哪些人）；/quit 退出。";

    private readonly Lock _printGate = new();
    private readonly Dictionary<string, long> _printed = [];
    private Dictionary<string, EmulatorPerson> _people = [];
    private string _user = "";
    private Task _stopped = Task.CompletedTask;

    /// <summary>How long to wait for the first answer to a line before reading the next one.</summary>
    public TimeSpan ReplyWait { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>After the first answer, how long a quiet spell must last to count as the bot having finished.</summary>
    public TimeSpan Settle { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>How often to look for pushes while waiting for input.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>A "张丽> " prompt; off for piped input, where it would only clutter the transcript.</summary>
    public bool ShowPrompt { get; init; }

    public async Task<int> RunAsync(string user, CancellationToken ct)
    {
        _people = (await people.ListAsync(ct)).ToDictionary(p => p.Id);
        if (!_people.ContainsKey(user))
        {
            await WriteAsync($"没有这位用户：{user}。可选的有：\n{UserList()}");
            return 2;
        }
        await WriteAsync("社区小助手（模拟模式）。" + Help);
        await SwitchAsync(user);

        _stopped = Task.Delay(Timeout.Infinite, ct);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var pushes = PrintPushesAsync(stop.Token);
        try
        {
            while (!ct.IsCancellationRequested)
            {
                if (ShowPrompt) await WriteAsync(_people[_user].Name + "> ", newLine: false);
                var line = await ReadLineAsync();
                if (line is null) break;
                if (!await HandleAsync(line.Trim(), ct)) break;
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Ctrl+C while waiting for an answer: the host is stopping, and so is the chat.
        }
        finally
        {
            await stop.CancelAsync();
            try { await pushes; } catch (OperationCanceledException) { }
        }
        return 0;
    }

    /// <summary>Handles one line; false to end the chat.</summary>
    private async Task<bool> HandleAsync(string line, CancellationToken ct)
    {
        switch (line)
        {
            case "":
                return true;
            case "/quit" or "/exit" or "/退出":
                await WriteAsync("再见！");
                return false;
            case "/help" or "/帮助":
                await WriteAsync(Help);
                return true;
            case "/users" or "/用户":
                await WriteAsync(UserList());
                return true;
            case "/image" or "/图片":
                await SendAsync(() => chat.SendImageAsync(_user, ct), ct);
                return true;
            case "/location" or "/位置":
                await WriteAsync(string.Join('\n', EmulatorPlaces.All.Select((p, i) => $"  {i + 1}. {p.Label}")) + "\n回复 /位置 加序号发送，比如 /位置 1。");
                return true;
        }

        var words = line.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words[0] is "/user" or "/用户")
        {
            if (words.Length < 2 || !_people.ContainsKey(words[1])) await WriteAsync($"没有这位用户。可选的有：\n{UserList()}");
            else await SwitchAsync(words[1]);
            return true;
        }
        if (words[0] is "/location" or "/位置")
        {
            if (!int.TryParse(words[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1 || n > EmulatorPlaces.All.Count)
                await WriteAsync($"位置序号在 1 到 {EmulatorPlaces.All.Count} 之间。");
            else await SendAsync(() => chat.SendLocationAsync(_user, EmulatorPlaces.All[n - 1], ct), ct);
            return true;
        }
        if (line.StartsWith('#') && int.TryParse(line[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var button))
        {
            await TapAsync(button, ct);
            return true;
        }
        if (line.StartsWith('/'))
        {
            await WriteAsync("没有这个命令。" + Help);
            return true;
        }
        await SendAsync(() => chat.SendTextAsync(_user, line, ct), ct);
        return true;
    }

    private async Task TapAsync(int number, CancellationToken ct)
    {
        if (chat.Log.NewestButtonCard(_user) is not { } newest)
        {
            await WriteAsync("（还没有可以点的卡片）");
            return;
        }
        var (taskId, card) = newest;
        if (number < 1 || number > card.Buttons.Count)
        {
            await WriteAsync($"（最新的卡片只有 {card.Buttons.Count} 个按钮）");
            return;
        }
        string? refused = null;
        await SendAsync(async () => refused = await chat.TapAsync(_user, card.Buttons[number - 1].Key, taskId, ct), ct);
        if (refused is not null) await WriteAsync($"（{refused}）");
    }

    /// <summary>Sends, then waits until the bot answered and went quiet, and prints the answer.</summary>
    private async Task SendAsync(Func<Task> send, CancellationToken ct)
    {
        var user = _user;
        var mark = chat.Log.Since(user, long.MaxValue).Last;
        await send();

        var deadline = time.GetUtcNow() + ReplyWait;
        var seen = Answers(user, mark);
        while (seen == 0 && time.GetUtcNow() < deadline)
        {
            await Task.Delay(PollInterval / 4, time, ct);
            seen = Answers(user, mark);
        }
        // Several pushes of one turn leave the outbox a moment apart; wait for a quiet spell.
        while (seen > 0)
        {
            await Task.Delay(Settle, time, ct);
            var now = Answers(user, mark);
            if (now == seen) break;
            seen = now;
        }
        await PrintNewAsync(user, includeTyped: false);
    }

    /// <summary>Typed text is on the screen already; a photo, a location or a tap is worth confirming.</summary>
    private static bool AlreadyOnScreen(ChatEntry e) => e.From == ChatFrom.Me && e.Type == ChatTypes.Text;

    private int Answers(string user, long after) => chat.Log.Since(user, after).Entries.Count(e => e.From != ChatFrom.Me);

    private async Task SwitchAsync(string user)
    {
        lock (_printGate)
        {
            _user = user;
            output.WriteLine($"—— 现在是 {_people[user].Label} ——");
            // What reached them while someone else was talking (a card for the grid worker, say) is shown now.
            PrintNewLocked(user, includeTyped: true);
        }
        await output.FlushAsync();
    }

    private async Task PrintPushesAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            await Task.Delay(PollInterval, time, ct);
            await PrintNewAsync(_user, includeTyped: false);
        }
    }

    private async Task PrintNewAsync(string user, bool includeTyped)
    {
        lock (_printGate) PrintNewLocked(user, includeTyped);
        await output.FlushAsync();
    }

    /// <summary>Under the print lock, so the loop and the push printer never print an entry twice or out of order.</summary>
    private void PrintNewLocked(string user, bool includeTyped)
    {
        var page = chat.Log.Since(user, _printed.GetValueOrDefault(user));
        if (page.Entries.Count == 0) return;
        _printed[user] = page.Entries[^1].Seq;
        foreach (var entry in page.Entries.Where(e => includeTyped || !AlreadyOnScreen(e)))
            output.WriteLine(Format(entry));
    }

    internal static string Format(ChatEntry e) => e switch
    {
        { From: ChatFrom.Me } => "我：" + e.Text,
        { From: ChatFrom.System } => $"（{e.Text}）",
        { Type: ChatTypes.CardUpdate } => $"（卡片已更新：{e.Text}）",
        { Type: ChatTypes.Card, Card: { } card } => FormatCard(card),
        _ => "小助手：" + e.Text,
    };

    private static string FormatCard(ChatCard card)
    {
        var text = new StringBuilder("小助手：【卡片】").Append(card.Title);
        if (!string.IsNullOrWhiteSpace(card.Description))
            foreach (var line in card.Description.Split('\n')) text.Append("\n  ").Append(line);
        if (card.ReplacedWith is { } done) return text.Append("\n  〔").Append(done).Append('〕').ToString();
        if (card.Buttons.Count == 0) return text.ToString();
        text.Append("\n  ").AppendJoin("  ", card.Buttons.Select((b, i) => $"[{i + 1}] {b.Text}"));
        return text.Append("\n  （回复 #1 点第 1 个按钮）").ToString();
    }

    private string UserList() => string.Join('\n', _people.Values.Select(p => $"  {p.Id}  {p.Label}"));

    /// <summary>
    /// Reads on the side, so that Ctrl+C (the host stopping) ends the chat even while a console read blocks;
    /// the abandoned read dies with the process.
    /// </summary>
    private async Task<string?> ReadLineAsync()
    {
        var read = Task.Run(input.ReadLine, CancellationToken.None);
        return await Task.WhenAny(read, _stopped) == read ? await read : null;
    }

    private async Task WriteAsync(string text, bool newLine = true)
    {
        // One writer at a time: the push printer and the loop share the terminal.
        lock (_printGate) output.Write(newLine ? text + Environment.NewLine : text);
        await output.FlushAsync();
    }
}
