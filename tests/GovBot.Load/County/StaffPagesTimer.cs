using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace GovBot.Load.County;

/// <summary>
/// Times the staff pages as a signed-in county admin sees them (every community at once, the heaviest view): each page
/// is fetched a few times to warm up, then <c>rounds</c> times in turn; the figures are the server's answer times
/// measured at the client on loopback.
/// </summary>
public sealed partial class StaffPagesTimer(string baseUrl, string userName, string password)
{
    public static readonly string[] Pages =
        ["/staff", "/staff/reports", "/staff/checkins", "/staff/wishes", "/staff/points", "/staff/services", "/staff/reminders", "/staff/lists"];

    private readonly CookieContainer _cookies = new();

    public HttpClient Client { get; private set; } = null!;

    public async Task SignInAsync(CancellationToken ct)
    {
        Client = new HttpClient(new HttpClientHandler { CookieContainer = _cookies, AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(5),
        };
        Client.DefaultRequestHeaders.Add("Origin", baseUrl);
        var login = await Client.GetStringAsync("/staff/login", ct);
        using var answer = await Client.PostAsync("/staff/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = userName, ["password"] = password, ["returnUrl"] = "/staff", [TokenField] = TokenIn(login),
        }), ct);
        if (answer.Headers.Location?.ToString() != "/staff") throw new InvalidOperationException("Sign-in as the bootstrap admin failed.");
    }

    /// <summary>The antiforgery field of a page, to post its form as a browser would.</summary>
    public const string TokenField = "__RequestVerificationToken";

    public static string TokenIn(string html) => WebUtility.HtmlDecode(Token().Match(html).Groups[1].Value);

    public async Task<IReadOnlyList<PageTiming>> MeasureAsync(int rounds, CancellationToken ct)
    {
        var samples = Pages.ToDictionary(p => p, _ => new List<double>());
        for (var round = -3; round < rounds; round++)
            foreach (var page in Pages)
            {
                var clock = Stopwatch.StartNew();
                using var response = await Client.GetAsync(page, ct);
                await response.Content.ReadAsByteArrayAsync(ct);
                clock.Stop();
                if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"{page} answered {(int)response.StatusCode}.");
                if (round >= 0) samples[page].Add(clock.Elapsed.TotalMilliseconds);
            }
        return [.. Pages.Select(p => PageTiming.Of(p, samples[p]))];
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}

public sealed record PageTiming(string Page, double P50, double P95, double Max)
{
    public static PageTiming Of(string page, List<double> ms)
    {
        ms.Sort();
        return new PageTiming(page, At(ms, 0.50), At(ms, 0.95), ms[^1]);
    }

    private static double At(List<double> sorted, double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
}
