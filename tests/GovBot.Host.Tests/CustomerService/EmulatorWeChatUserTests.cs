using GovBot.Emulator;
using GovBot.Host.Tests.Emulator;
using Microsoft.Extensions.DependencyInjection;

namespace GovBot.Host.Tests.CustomerService;

/// <summary>The emulator chats as a WeChat user too: through the customer-service account, menus as tappable choices.</summary>
public sealed class EmulatorWeChatUserTests
{
    [Fact]
    public async Task The_terminal_chat_talks_as_a_WeChat_user_and_taps_a_menu_item_by_number()
    {
        await using var host = await EmulatorHost.StartAsync();
        var output = new StringWriter();
        var repl = new ChatRepl(
            host.Services.GetRequiredService<EmulatorChat>(), host.Services.GetRequiredService<EmulatorPeople>(),
            new StringReader("楼道灯坏了好几天了\n#1\n/quit\n"), output, TimeProvider.System);

        var exit = await repl.RunAsync(EmulatorPeople.WeChatDemoUser, CancellationToken.None);

        var transcript = output.ToString();
        Assert.Equal(0, exit);
        Assert.Contains("刘阿姨（微信居民·只用微信）", transcript, StringComparison.Ordinal);
        Assert.Contains("您住在哪个社区", transcript, StringComparison.Ordinal);
        Assert.Contains("[1] 清泉湖社区", transcript, StringComparison.Ordinal);
        Assert.Contains("点了「清泉湖社区」", transcript, StringComparison.Ordinal);
        Assert.Contains("住哪个小区", transcript, StringComparison.Ordinal);
        // Nothing went through the app: the WeChat user got it all from kf/send_msg.
        var standIn = host.Services.GetRequiredService<EmulatorStandIn>().Instance;
        Assert.NotEmpty(standIn.KfSentTo("wmDemoLiuAunt"));
        Assert.DoesNotContain(standIn.CallsTo("message/send"), c => c.Recipients.Contains(EmulatorPeople.WeChatDemoUser));
    }
}
