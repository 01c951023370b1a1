using GovBot.Data.Seeding;
using GovBot.Emulator;
using Microsoft.Extensions.DependencyInjection;

namespace GovBot.Host.Tests.Emulator;

/// <summary>The terminal chat: its loop against a live emulator host, and how "chat" arguments become host arguments.</summary>
public sealed class TerminalChatTests
{
    [Fact]
    public async Task Piped_lines_are_answered_in_turn_and_a_numbered_button_taps_the_newest_card()
    {
        await using var host = await EmulatorHost.StartAsync();
        var script = string.Join('\n',
            "3号楼有人从窗户拉电线给电动车充电",
            "是",
            "/user wangjianjun",
            "#1",
            "/user zhangli",
            "/quit",
            "菜单"); // after /quit: must never be sent
        var output = new StringWriter();
        var repl = new ChatRepl(
            host.Services.GetRequiredService<EmulatorChat>(), host.Services.GetRequiredService<EmulatorPeople>(),
            new StringReader(script), output, TimeProvider.System);

        var exit = await repl.RunAsync(DemoUsers.Resident, CancellationToken.None);

        var transcript = output.ToString();
        Assert.Equal(0, exit);
        AssertInOrder(transcript,
            "—— 现在是 张丽（居民·清华苑一期3号楼） ——",
            "类别：飞线充电",
            "已上报！编号 S1001",
            "—— 现在是 王建军（网格员·清华苑网格） ——",
            "小助手：【卡片】居民反映 S1001",
            "[1] 受理  [2] 转交",
            "已受理 S1001",
            "—— 现在是 张丽（居民·清华苑一期3号楼） ——",
            "网格员王建军已受理",
            "再见！");
        // The tapped card changes in place while the answer is on its way: either may show first.
        AssertInOrder(transcript,
            "[1] 受理  [2] 转交",
            "（卡片已更新：王建军已受理）",
            "—— 现在是 张丽（居民·清华苑一期3号楼） ——");
        // Each line waited for its answer: the confirmation came before "是" was sent, the report before the switch.
        Assert.DoesNotContain("没有这个命令", transcript, StringComparison.Ordinal);
        Assert.DoesNotContain("您好！我是社区小助手", transcript, StringComparison.Ordinal);
        Assert.Equal(2, (await host.MessagesAsync(DemoUsers.Resident)).Entries.Count(e => e.From == ChatFrom.Me));
    }

    [Fact]
    public async Task An_unknown_user_ends_the_chat_with_the_list_of_people()
    {
        await using var host = await EmulatorHost.StartAsync();
        var output = new StringWriter();
        var repl = new ChatRepl(
            host.Services.GetRequiredService<EmulatorChat>(), host.Services.GetRequiredService<EmulatorPeople>(),
            new StringReader("菜单\n"), output, TimeProvider.System);

        var exit = await repl.RunAsync("nobody", CancellationToken.None);

        Assert.Equal(2, exit);
        Assert.Contains("没有这位用户：nobody", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("zhangli  张丽（居民·清华苑一期3号楼）", output.ToString(), StringComparison.Ordinal);
        Assert.Empty(host.StandIn.Calls);
    }

    [Fact]
    public void Chat_arguments_pick_the_user_and_ask_for_a_free_port_and_quiet_logs()
    {
        var chat = TerminalChat.FromArgs(["chat", "--user", "wangjianjun", "--ConnectionStrings:GovBot=Data Source=x.db"]);

        Assert.NotNull(chat);
        Assert.Equal("wangjianjun", chat.User);
        Assert.Contains("--ConnectionStrings:GovBot=Data Source=x.db", chat.HostArgs);
        Assert.Contains("--urls=http://127.0.0.1:0", chat.HostArgs);
        Assert.Contains("--Logging:LogLevel:Default=Error", chat.HostArgs);
        Assert.DoesNotContain("chat", chat.HostArgs);
        Assert.Equal("liuyang", TerminalChat.FromArgs(["chat", "--user=liuyang"])!.User);
        Assert.Equal(DemoUsers.Resident, TerminalChat.FromArgs(["chat"])!.User);
        Assert.Null(TerminalChat.FromArgs([]));
        Assert.Null(TerminalChat.FromArgs(["--urls=http://localhost:5080"]));
    }

    private static void AssertInOrder(string text, params string[] phrases)
    {
        var at = 0;
        foreach (var phrase in phrases)
        {
            var found = text.IndexOf(phrase, at, StringComparison.Ordinal);
            Assert.True(found >= 0, $"「{phrase}」 is missing after position {at} of the transcript:\n{text}");
            at = found + phrase.Length;
        }
    }
}
