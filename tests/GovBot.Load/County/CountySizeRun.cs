using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using GovBot.Data;
using GovBot.Emulator;
using GovBot.Host.Staff;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Load.County;

/// <summary>
/// county-size --workbook FILE [--reports 40000] [--checkins 4000] [--wishes 2000] [--rounds 40]: a real-mode host on an
/// empty store, the workbook imported through the staff pages as a county admin would (upload, preview, confirm), a
/// year of activity written beside it, then every staff page timed. Prints a Markdown table for docs/performance.md.
/// </summary>
public static class CountySizeRun
{
    private const string Admin = "county.admin", Password = "county-size-run";

    public static async Task<int> RunAsync(string[] args, string repoRoot)
    {
        string? workbook = null;
        int reports = 40_000, checkIns = 4_000, wishes = 2_000, rounds = 40;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int Number() => int.Parse(Next(), CultureInfo.InvariantCulture);
            switch (args[i])
            {
                case "--workbook": workbook = Next(); break;
                case "--reports": reports = Number(); break;
                case "--checkins": checkIns = Number(); break;
                case "--wishes": wishes = Number(); break;
                case "--rounds": rounds = Number(); break;
                default: throw new ArgumentException($"Unknown option {args[i]}. county-size --workbook FILE [--reports N] [--checkins N] [--wishes N] [--rounds N]");
            }
        }
        if (workbook is null || !File.Exists(workbook)) throw new ArgumentException("county-size needs --workbook FILE (make one with: county-workbook --out FILE).");

        var ct = CancellationToken.None;
        await using var standIn = await WeComApiStandIn.StartAsync(new WeComStandInOptions { CorpId = HostUnderTest.CorpId }, ct);
        await using var host = await HostUnderTest.StartAsync(repoRoot, standIn.BaseUrl, standIn.Options.CorpSecret, null, ct, new Dictionary<string, string?>
        {
            ["Data__SeedDemoCounty"] = "false",
            ["Staff__BootstrapAdmin__UserName"] = Admin,
            ["Staff__BootstrapAdmin__PasswordHash"] = StaffPasswords.Hash(Password),
        });
        host.KeepData = false;
        var timer = new StaffPagesTimer(host.BaseUrl, Admin, Password);
        await timer.SignInAsync(ct);

        var (preview, apply) = await ImportAsync(timer.Client, workbook, ct);
        Console.WriteLine($"Import through the staff pages: preview {preview.TotalSeconds:0.0} s, apply {apply.TotalSeconds:0.0} s");

        var clock = Stopwatch.StartNew();
        var builder = new DbContextOptionsBuilder<GovBotDb>();
        builder.UseGovBotSqlite($"Data Source={host.DatabasePath}");
        var options = builder.Options;
        await using (var db = new GovBotDb(options))
            Console.WriteLine($"Activity: {await new CountyActivity(reports, checkIns, wishes).WriteAsync(db, DateTimeOffset.UtcNow, ct)} in {clock.Elapsed.TotalSeconds:0.0} s");

        var timings = await timer.MeasureAsync(rounds, ct);
        Console.WriteLine();
        Console.WriteLine("| page | p50 ms | p95 ms | max ms |");
        Console.WriteLine("|---|---:|---:|---:|");
        foreach (var t in timings) Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| `{t.Page}` | {t.P50:0} | {t.P95:0} | {t.Max:0} |"));
        return timings.All(t => t.P95 < 300) ? 0 : 1;
    }

    /// <summary>Upload → preview → confirm, as the page's two forms do.</summary>
    private static async Task<(TimeSpan Preview, TimeSpan Apply)> ImportAsync(HttpClient client, string workbook, CancellationToken ct)
    {
        var page = await client.GetStringAsync("/staff/structure", ct);
        using var upload = new MultipartFormDataContent
        {
            { new StringContent(StaffPagesTimer.TokenIn(page)), StaffPagesTimer.TokenField },
        };
        var file = new ByteArrayContent(await File.ReadAllBytesAsync(workbook, ct));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        upload.Add(file, "files", Path.GetFileName(workbook));

        var clock = Stopwatch.StartNew();
        using var previewed = await client.PostAsync("/staff/structure/preview", upload, ct);
        var html = await previewed.Content.ReadAsStringAsync(ct);
        var preview = clock.Elapsed;
        if (previewed.StatusCode != HttpStatusCode.OK || !Hidden("digest").IsMatch(html))
            throw new InvalidOperationException($"The preview did not offer to apply ({(int)previewed.StatusCode}).");

        clock.Restart();
        using var applied = await client.PostAsync("/staff/structure/apply", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["sha256"] = Value(html, "sha256"), ["digest"] = Value(html, "digest"), [StaffPagesTimer.TokenField] = StaffPagesTimer.TokenIn(html),
        }), ct);
        await applied.Content.ReadAsStringAsync(ct);
        if ((int)applied.StatusCode >= 400) throw new InvalidOperationException($"Applying answered {(int)applied.StatusCode}.");
        return (preview, clock.Elapsed);
    }

    private static string Value(string html, string name) => WebUtility.HtmlDecode(Hidden(name).Match(html).Groups[1].Value);

    private static Regex Hidden(string name) => new($"name=\"{name}\" value=\"([^\"]*)\"");
}
