using System.Net;
using GovBot.Data.Seeding;
using GovBot.Emulator;
using GovBot.Host.Staff;
using GovBot.Host.Tests.Emulator;

namespace GovBot.Host.Tests.Staff;

/// <summary>Signing in on the embedded defaults: the demo admin's fixed password, and WeCom's sign-in played by the stand-in.</summary>
public sealed class StaffEmulatorTests
{
    [Fact]
    public async Task On_the_embedded_defaults_baiyunfei_signs_in_with_the_demo_password_and_WeCom_sign_in_goes_to_the_stand_in()
    {
        await using var host = await EmulatorHost.StartAsync();
        using var client = new HttpClient(new StaffFormTokens(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }))
        {
            BaseAddress = host.BaseAddress,
        };
        using var login = await client.PostAsync("/staff/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = DemoUsers.CountyAdmin, ["password"] = StaffOptions.DemoPassword,
        }));
        Assert.Equal("/staff", login.Headers.Location?.ToString());
        Assert.Contains("白云飞", await client.GetStringAsync("/staff"), StringComparison.Ordinal);

        using var start = await client.GetAsync("/staff/oauth");
        var authorize = start.Headers.Location!.ToString();
        Assert.StartsWith(host.StandIn.BaseUrl + WeComApiStandIn.AuthorizePath, authorize, StringComparison.Ordinal);
        var picker = await client.GetStringAsync(authorize.Replace("#wechat_redirect", "", StringComparison.Ordinal));
        Assert.Contains("李红梅（清泉湖社区书记）", picker, StringComparison.Ordinal);
    }

    [Fact]
    public void Hash_password_prints_a_hash_that_verifies_and_no_password()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.Equal(0, StaffPasswordCommand.Run(new StringReader("a-long-password\n"), output, error));
        var hash = output.ToString().Trim();
        Assert.StartsWith("pbkdf2-sha256$210000$", hash, StringComparison.Ordinal);
        Assert.DoesNotContain("a-long-password", hash, StringComparison.Ordinal);
        Assert.True(StaffPasswords.Verify("a-long-password", hash));
        Assert.False(StaffPasswords.Verify("a-long-passwore", hash));
        Assert.Equal(2, StaffPasswordCommand.Run(new StringReader("short\n"), output, error));
    }
}
