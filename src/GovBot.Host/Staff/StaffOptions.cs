namespace GovBot.Host.Staff;

/// <summary>Section <c>Staff</c>: who may sign in to the staff pages, and how.</summary>
public sealed class StaffOptions
{
    public const string SectionName = "Staff";

    /// <summary>The password of the emulator's demo admin (src/GovBot.Emulator) when no bootstrap admin is configured.</summary>
    public const string DemoPassword = "govbot-demo";

    public BootstrapAdminOptions BootstrapAdmin { get; set; } = new();

    /// <summary>WeCom's authorize page; the emulator points it at its stand-in.</summary>
    public string OAuthAuthorizeUrl { get; set; } = "https://open.weixin.qq.com/connect/oauth2/authorize";

    /// <summary>The address WeCom sends people back to, e.g. https://govbot.example.cn; empty: the request's own.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>
    /// Whether the JSON staff endpoints still accept the caller named in header <c>X-GovBot-Staff</c> when no
    /// one is signed in, for scripts on an intranet. Off by default: the header proves nothing about who sends it.
    /// </summary>
    public bool AllowStaffHeader { get; set; }

    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);
}

public sealed class BootstrapAdminOptions
{
    /// <summary>Signs in as this WeCom user id (created as a county admin if the store lacks it).</summary>
    public string? UserName { get; set; }

    /// <summary><c>pbkdf2-sha256$iterations$salt$hash</c>, from <c>dotnet run --project src/GovBot.Host -- hash-password</c>.</summary>
    public string? PasswordHash { get; set; }
}
