using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace GovBot.Host.WeCom.CustomerService;

/// <summary>
/// The customer-service (微信客服) channel: section <c>WeCom:CustomerService</c> (docs/customer-service.md). Without
/// <see cref="OpenKfId"/> the 「微信入口」 page says the account is not set up and handoff stays on the WeCom card; the
/// channel still answers any account whose callback arrives.
/// </summary>
public sealed partial class CustomerServiceOptions
{
    public const string SectionName = "WeCom:CustomerService";

    /// <summary>
    /// The account ("wk…", from WeCom's console 微信客服 → 账号 or kf/account/list) the staff pages make links on; the
    /// sweep always pulls it.
    /// </summary>
    public string? OpenKfId { get; set; }

    /// <summary>Further accounts the sweep pulls even when no callback came; accounts that sent a callback are pulled anyway.</summary>
    public List<string> OpenKfIds { get; set; } = [];

    public bool IsConfigured => !string.IsNullOrWhiteSpace(OpenKfId);

    /// <summary>Every account the sweep pulls without waiting for a callback.</summary>
    public IEnumerable<string> SweptAccounts => IsConfigured ? OpenKfIds.Prepend(OpenKfId!).Distinct(StringComparer.Ordinal) : OpenKfIds;

    /// <summary>Messages asked per sync_msg call; WeCom allows 1000.</summary>
    [Range(1, 1000)] public int SyncLimit { get; set; } = 1000;

    /// <summary>How long one host holds an account's pull; renewed every page, lapses when the host dies.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "00:30:00")] public TimeSpan PullLease { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often every known account is pulled in case a callback was lost.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")] public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>WeCom's window after a resident's message in which the account may answer.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")] public TimeSpan Window { get; set; } = TimeSpan.FromHours(48);

    /// <summary>Messages the account may send within the window.</summary>
    [Range(1, 100)] public int MessagesPerWindow { get; set; } = 5;

    /// <summary>Of those, how many only answers to the resident's own messages may spend: pushes leave them alone.</summary>
    [Range(0, 100)] public int ReservedForAnswers { get; set; } = 2;

    /// <summary>How long an entry's welcome code stays usable (WeCom: 20 seconds).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")] public TimeSpan WelcomeCodeLifetime { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How long a callback's sync token lifts sync_msg's frequency limit (WeCom: 10 minutes).</summary>
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(10);

    /// <summary>OpenKfId (if set) and every OpenKfIds entry look like WeCom's ids.</summary>
    internal bool HasValidIds => (string.IsNullOrEmpty(OpenKfId) || OpenKfIdPattern().IsMatch(OpenKfId)) && OpenKfIds.All(id => OpenKfIdPattern().IsMatch(id));

    // WeCom's ids are ASCII letters, digits, '-' and '_'; anything else is a pasted label, not the id.
    [GeneratedRegex("^[0-9A-Za-z_-]{1,64}$")]
    private static partial Regex OpenKfIdPattern();
}
