using System.Globalization;
using System.Text.RegularExpressions;
using GovBot.Data;
using GovBot.Data.Messaging;
using GovBot.Host.Staff;
using GovBot.Load.County;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Load;

/// <summary>
/// What 「系统」 (/staff/system) showed a county administrator after the run, beside the store it counts from and the
/// run's own tally: the run's answers and pushes must be on the page.
/// </summary>
public sealed record SystemPageResult(double Answered24h, double Sent24h, int DoneRows, int SentRows, long Accepted, IReadOnlyList<string> Warnings)
{
    /// <summary>Every message the host took in (200) was answered, so the page counts at least those, and exactly the store's.</summary>
    public bool Clean => Answered24h == DoneRows && Answered24h >= Accepted && Sent24h == SentRows;

    public string Line() => string.Create(CultureInfo.InvariantCulture,
        $"answered {Answered24h} (store {DoneRows}, accepted {Accepted}), pushes {Sent24h} (store {SentRows}), warnings: {(Warnings.Count == 0 ? "none" : string.Join(" | ", Warnings))}");
}

public static partial class SystemPageCheck
{
    /// <summary>The county administrator every host of a run gets (Staff:BootstrapAdmin), to read 「系统」 as a person would.</summary>
    public const string Admin = "load-county-admin";
    public const string Password = "load-county-admin-password";
    private static readonly Lazy<string> Hash = new(() => StaffPasswords.Hash(Password));

    /// <summary>The host settings that give it the administrator (one hash for all the run's hosts).</summary>
    public static IEnumerable<(string Key, string Value)> HostSettings() =>
        [("Staff__BootstrapAdmin__UserName", Admin), ("Staff__BootstrapAdmin__PasswordHash", Hash.Value)];

    /// <summary>Signs in, reads the page's 24-hour charts and warnings, and counts the same rows in the store.</summary>
    public static async Task<SystemPageResult> RunAsync(string baseUrl, GovBotDb store, long accepted, CancellationToken ct)
    {
        var staff = new StaffPagesTimer(baseUrl, Admin, Password);
        await staff.SignInAsync(ct);
        string page;
        using (staff.Client) page = await staff.Client.GetStringAsync("/staff/system", ct);
        await using var db = store;
        // The run lasted minutes, so all its rows fall in the page's last 24 hours.
        // A customer-service announcement is a record, not a message: the page leaves it out, and so does this count.
        var done = await db.Inbox.CountAsync(m => m.Status == InboxStatus.Done && !m.DedupKey.Contains(GovBot.Host.WeCom.CustomerService.CustomerServiceCallback.DedupKeyMarker), ct);
        var sent = await db.Outbox.CountAsync(o => o.Status == OutboxStatus.Sent, ct);
        var warnings = WarningRegex().Matches(page).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        return new SystemPageResult(Sum(page, "chart-answered-24h"), Sum(page, "chart-sent-24h"), done, sent, accepted, warnings);
    }

    private static double Sum(string page, string chart)
    {
        var start = page.IndexOf($"<svg id=\"{chart}\"", StringComparison.Ordinal);
        if (start < 0) throw new InvalidOperationException($"「系统」 has no chart {chart}: has the page changed?");
        var svg = page[start..page.IndexOf("</svg>", start, StringComparison.Ordinal)];
        return BarRegex().Matches(svg).Sum(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex("<g class=\"bar\" data-label=\"[^\"]*\" data-value=\"([^\"]*)\"")]
    private static partial Regex BarRegex();

    [GeneratedRegex("<p class=\"warn\">([^<]*)</p>")]
    private static partial Regex WarningRegex();
}
