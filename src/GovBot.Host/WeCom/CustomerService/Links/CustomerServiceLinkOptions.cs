using System.Text.RegularExpressions;

namespace GovBot.Host.WeCom.CustomerService.Links;

/// <summary>
/// The customer-service account (微信客服) whose links the staff pages make (section <c>WeCom:CustomerService</c>).
/// Without <see cref="OpenKfId"/> the host runs as before: the 「微信入口」 page says the account is not set up, and
/// handoff stays on the WeCom card.
/// </summary>
public sealed partial class CustomerServiceLinkOptions
{
    public const string Section = "WeCom:CustomerService";

    /// <summary>The account's open_kfid ("wk…"), from WeCom's console (微信客服 → 账号) or kf/account/list.</summary>
    public string? OpenKfId { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(OpenKfId);

    internal static bool IsValidId(string? id) => string.IsNullOrEmpty(id) || OpenKfIdPattern().IsMatch(id);

    // WeCom's ids are ASCII letters, digits, '-' and '_'; anything else is a pasted label, not the id.
    [GeneratedRegex("^[0-9A-Za-z_-]{1,64}$")]
    private static partial Regex OpenKfIdPattern();
}
